"""The CAC's registers as a source beside the documents: rows read from the published lists, kept in
Chroma, asked about in plain language, answered with exact counts and a citation per row."""
