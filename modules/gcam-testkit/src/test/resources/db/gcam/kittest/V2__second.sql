CREATE TABLE kittest_second (id BIGINT NOT NULL PRIMARY KEY);
INSERT INTO kittest_second (id) VALUES (2);
