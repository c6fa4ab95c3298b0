-- Secondary indexes a large import has set aside to rebuild at its end (DeferredIndexes).
-- A row left here by an import that was killed is rebuilt the next time the database is opened.
CREATE TABLE deferred_indexes (
    name TEXT PRIMARY KEY,
    sql TEXT NOT NULL
);
