"""What kind of source a mention designates: person, organisation, government, document, group."""

from __future__ import annotations

from .lexicon import lexicon
from .mentions import is_agent_noun
from .types import Mention


def kind_of(mention: Mention) -> str:
    """The speaker kind suggested by one mention (its head noun first, then its entity label)."""
    lex = lexicon()
    head = mention.head
    if mention.pronoun:
        return "person"
    if head in lex.document:
        return "document"
    if head in lex.government:
        return "government"
    if head in lex.organisation or head in lex.service:
        return "organisation"
    if mention.plural and head in lex.group:
        return "group"
    if head in lex.person or mention.label == "PER":
        return "person"
    if mention.label == "LOC":
        return "government"
    if mention.label == "ORG":
        return "organisation"
    if mention.plural:
        return "group"
    # the head is a lemma ("boulanger" for "la boulangère"): the written word tells the agent
    written = mention.text.rsplit(" ", 1)[-1]
    return "person" if mention.name or is_agent_noun(head) or is_agent_noun(written) else "organisation"
