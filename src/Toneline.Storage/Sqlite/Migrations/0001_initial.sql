-- Conversations, their turns, and scores per scoring method. The current score's numbers are
-- copied onto the conversation row so every dashboard query reads one indexed table.
CREATE TABLE scoring_methods (
    method_id     INTEGER PRIMARY KEY,
    engine        TEXT NOT NULL,
    version       TEXT NOT NULL,
    options_hash  TEXT NOT NULL,
    UNIQUE (engine, version, options_hash)
);

CREATE TABLE conversations (
    conv_key          INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    content_hash      TEXT NOT NULL,
    channel           INTEGER NOT NULL,
    direction         INTEGER NOT NULL,
    start_ms          INTEGER NOT NULL,
    day               INTEGER,
    duration_s        REAL,
    agent_id          TEXT,
    agent_name        TEXT,
    group_name        TEXT,
    customer_id       TEXT,
    topic             TEXT,
    topics            TEXT NOT NULL,
    language          TEXT,
    role_source       INTEGER NOT NULL,
    custom_fields     TEXT NOT NULL,
    turn_count        INTEGER NOT NULL,
    current_method_id INTEGER REFERENCES scoring_methods (method_id),
    overall           INTEGER,
    band              INTEGER,
    agent_score       INTEGER,
    agent_band        INTEGER,
    customer_score    INTEGER,
    customer_band     INTEGER,
    shift             INTEGER,
    resolved          INTEGER,
    imported_ms       INTEGER NOT NULL
);
CREATE INDEX ix_conversations_day_group ON conversations (day, group_name);
CREATE INDEX ix_conversations_group_day ON conversations (group_name, day);
CREATE INDEX ix_conversations_agent_day ON conversations (agent_id, day);
CREATE INDEX ix_conversations_customer ON conversations (customer_id);
CREATE INDEX ix_conversations_topic_day ON conversations (topic, day);
CREATE INDEX ix_conversations_start ON conversations (start_ms, conv_key);
CREATE INDEX ix_conversations_overall ON conversations (overall, conv_key);
CREATE INDEX ix_conversations_band_day ON conversations (band, day);

CREATE TABLE conversation_topics (
    conv_key INTEGER NOT NULL REFERENCES conversations (conv_key) ON DELETE CASCADE,
    topic    TEXT NOT NULL,
    PRIMARY KEY (conv_key, topic)
) WITHOUT ROWID;
CREATE INDEX ix_conversation_topics_topic ON conversation_topics (topic, conv_key);

CREATE TABLE turns (
    conv_key   INTEGER NOT NULL REFERENCES conversations (conv_key) ON DELETE CASCADE,
    turn_index INTEGER NOT NULL,
    role       INTEGER NOT NULL,
    speaker    TEXT,
    text       TEXT NOT NULL,
    start_s    REAL,
    end_s      REAL,
    PRIMARY KEY (conv_key, turn_index)
) WITHOUT ROWID;

CREATE TABLE scores (
    conv_key        INTEGER NOT NULL REFERENCES conversations (conv_key) ON DELETE CASCADE,
    method_id       INTEGER NOT NULL REFERENCES scoring_methods (method_id),
    overall         INTEGER NOT NULL,
    agent_score     INTEGER,
    customer_score  INTEGER,
    shift           INTEGER NOT NULL,
    turning_point   INTEGER,
    resolved        INTEGER,
    role_source     INTEGER NOT NULL,
    explanation     TEXT NOT NULL,
    trend           TEXT NOT NULL,
    scored_ms       INTEGER NOT NULL,
    PRIMARY KEY (conv_key, method_id)
) WITHOUT ROWID;

CREATE TABLE turn_scores (
    conv_key   INTEGER NOT NULL,
    method_id  INTEGER NOT NULL,
    turn_index INTEGER NOT NULL,
    role       INTEGER NOT NULL,
    score      REAL NOT NULL,
    label      INTEGER NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (conv_key, method_id, turn_index),
    FOREIGN KEY (conv_key, method_id) REFERENCES scores (conv_key, method_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE highlights (
    conv_key   INTEGER NOT NULL,
    method_id  INTEGER NOT NULL,
    ordinal    INTEGER NOT NULL,
    turn_index INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    length     INTEGER NOT NULL,
    text       TEXT NOT NULL,
    phrase     TEXT NOT NULL,
    weight     REAL NOT NULL,
    kind       INTEGER NOT NULL,
    emotion    INTEGER,
    PRIMARY KEY (conv_key, method_id, ordinal),
    FOREIGN KEY (conv_key, method_id) REFERENCES scores (conv_key, method_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE emotions (
    conv_key   INTEGER NOT NULL,
    method_id  INTEGER NOT NULL,
    emotion    INTEGER NOT NULL,
    intensity  REAL NOT NULL,
    PRIMARY KEY (conv_key, method_id, emotion),
    FOREIGN KEY (conv_key, method_id) REFERENCES scores (conv_key, method_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Contentless: the words are indexed, the text itself lives once, in turns and scores.
CREATE VIRTUAL TABLE conversation_text USING fts5 (transcript, explanation, content = '', contentless_delete = 1);
