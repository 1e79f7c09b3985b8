"""The store's columns: how records become table rows and rows become records again.

Schema 3 keeps every field of an event, quote, actor mention and segment in its own column
(nested lists and the casualty counts as DuckDB structs), so queries filter and select columns
instead of parsing one JSON record per row, and the text of an article is stored once: a
segment, an event's sentence, a quote's content and an actor mention are stored as offsets into
the article's text, their own text only when it differs from that slice (never, in practice,
but a stage that rewrites text loses nothing).

`rows` builds the rows `tacitus.store` inserts; `records` turns selected columns back into
exactly `Event.to_dict()` and `Quote.to_dict()`.
"""
