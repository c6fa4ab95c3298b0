-- Daily rollups: what the dashboards read instead of a million conversation rows. Maintained by
-- every save in the same transaction (old contribution out, new one in), so they always agree with
-- the conversations table. Text keys store NULL as '' because a NULL can never conflict in a
-- unique key; a conversation without a start time is counted on day -2147483648.
CREATE TABLE daily_rollup (
    day              INTEGER NOT NULL,
    group_name       TEXT NOT NULL,
    agent_id         TEXT NOT NULL,
    agent_name       TEXT NOT NULL,
    channel          INTEGER NOT NULL,
    direction        INTEGER NOT NULL,
    band             INTEGER NOT NULL,
    conversations    INTEGER NOT NULL,
    sum_overall      INTEGER NOT NULL,
    sum_sq_overall   INTEGER NOT NULL,
    agent_scored     INTEGER NOT NULL,
    sum_agent        INTEGER NOT NULL,
    sum_sq_agent     INTEGER NOT NULL,
    customer_scored  INTEGER NOT NULL,
    sum_customer     INTEGER NOT NULL,
    sum_sq_customer  INTEGER NOT NULL,
    started_negative INTEGER NOT NULL,
    recovered        INTEGER NOT NULL,
    PRIMARY KEY (day, group_name, agent_id, agent_name, channel, direction, band)
) WITHOUT ROWID;

-- Per day and group: conversations and negative ones by primary topic (kind 0), by any of their
-- topics (kind 1) and by negative evidence phrase of the current score (kind 2), for the drivers report.
CREATE TABLE driver_rollup (
    day           INTEGER NOT NULL,
    group_name    TEXT NOT NULL,
    kind          INTEGER NOT NULL,
    name          TEXT NOT NULL,
    conversations INTEGER NOT NULL,
    negative      INTEGER NOT NULL,
    PRIMARY KEY (day, group_name, kind, name)
) WITHOUT ROWID;

INSERT INTO daily_rollup
SELECT COALESCE(day, -2147483648), COALESCE(group_name, ''), COALESCE(agent_id, ''), COALESCE(agent_name, ''), channel, direction, band,
       COUNT(*), SUM(overall), SUM(overall * overall),
       COUNT(agent_score), COALESCE(SUM(agent_score), 0), COALESCE(SUM(agent_score * agent_score), 0),
       COUNT(customer_score), COALESCE(SUM(customer_score), 0), COALESCE(SUM(customer_score * customer_score), 0),
       SUM(CASE WHEN shift IN (2, 6, 7) THEN 1 ELSE 0 END), SUM(CASE WHEN shift IN (6, 7) THEN 1 ELSE 0 END)
FROM conversations WHERE overall IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO driver_rollup
SELECT COALESCE(day, -2147483648), COALESCE(group_name, ''), 0, COALESCE(topic, ''), COUNT(*), SUM(CASE WHEN band < 0 THEN 1 ELSE 0 END)
FROM conversations WHERE overall IS NOT NULL
GROUP BY 1, 2, 3, 4;

INSERT INTO driver_rollup
SELECT COALESCE(c.day, -2147483648), COALESCE(c.group_name, ''), 1, t.topic, COUNT(*), SUM(CASE WHEN c.band < 0 THEN 1 ELSE 0 END)
FROM conversation_topics t JOIN conversations c ON c.conv_key = t.conv_key WHERE c.overall IS NOT NULL
GROUP BY 1, 2, 3, 4;

INSERT INTO driver_rollup
SELECT COALESCE(c.day, -2147483648), COALESCE(c.group_name, ''), 2, p.phrase, COUNT(*), SUM(CASE WHEN c.band < 0 THEN 1 ELSE 0 END)
FROM negative_phrases p JOIN conversations c ON c.conv_key = p.conv_key WHERE c.overall IS NOT NULL
GROUP BY 1, 2, 3, 4;

-- Searches filter a start-time range (days are translated to it) and sort by one column: each
-- common shape gets an index that both filters and orders, so a page reads about as many rows as it
-- shows. Day-leading indexes served the old whole-table aggregates, which the rollups now answer.
DROP INDEX ix_conversations_day_group;
DROP INDEX ix_conversations_group_day;
DROP INDEX ix_conversations_agent_day;
DROP INDEX ix_conversations_topic_day;
DROP INDEX ix_conversations_band_day;
CREATE INDEX ix_conversations_group_start ON conversations (group_name, start_ms, conv_key);
CREATE INDEX ix_conversations_group_overall ON conversations (group_name, overall, conv_key);
CREATE INDEX ix_conversations_agent_start ON conversations (agent_id, start_ms, conv_key);
CREATE INDEX ix_conversations_agent_sort ON conversations (COALESCE(agent_id, ''), conv_key);
CREATE INDEX ix_conversations_shift_customer ON conversations (shift, COALESCE(customer_score, -1000), conv_key);
