"""The reader's annotations: notes, tags, highlights and corrections, kept in a sidecar file.

This package is the domain half of annotating: the data model (shaped like the W3C Web
Annotation model), the sidecar file that never loses an annotation (atomic saves, a backup,
recovery from damage, merging with another reader's changes), re-anchoring when the article
changed, applying the reader's corrections to an analysis, and the exporters. It never imports
Textual: the reader's widgets use it, not the other way round.
"""
