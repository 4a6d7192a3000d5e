-- PostgreSQL only: an inverted index over the two-character grams, so that a search for 暴雨 among a million entries
-- reads the entries holding both characters in a row instead of every entry. H2 (the embedded database of a single
-- duty office) scans instead.
CREATE INDEX duty_log_search_grams_idx ON duty_log_search USING gin (string_to_array(grams, ' '));
