"""What the reader knows, apart from how it is drawn: the reading model of an analysis (claims in
reading order, speakers, styled runs), the wrap of the text on character offsets, search, the
jump history, titles, and the articles opened together.

Why apart from `tui/`: none of it needs Textual, so it is tested without an app, the first
screen (painted before Textual is imported) uses the same wrap and runs, and a change to the
reader's widgets cannot change what the reader computes. Nothing here imports Textual or Rich.
"""
