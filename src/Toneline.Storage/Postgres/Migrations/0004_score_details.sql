-- New scores carry their turn scores, highlights and customer emotions as one JSON value (see
-- ScoreDetails); scores saved before keep their rows in turn_scores, highlights and emotions.
ALTER TABLE scores ADD COLUMN details TEXT;
