-- The distinct negative evidence phrases of each conversation's current score: what the drivers
-- report counts, one row per conversation and phrase instead of every highlight.
CREATE TABLE negative_phrases (
    conv_key INTEGER NOT NULL REFERENCES conversations (conv_key) ON DELETE CASCADE,
    phrase   TEXT NOT NULL,
    PRIMARY KEY (conv_key, phrase)
) WITHOUT ROWID;

INSERT INTO negative_phrases (conv_key, phrase)
SELECT DISTINCT h.conv_key, h.phrase
FROM highlights h JOIN conversations c ON c.conv_key = h.conv_key AND c.current_method_id = h.method_id
WHERE h.weight < 0;
