"""The lesson body both benchmarks serve: ten paragraphs of forty sentences (about 25 KB of rich
text), as a realistic lesson is, with no Django import so any project's script can use it."""

SENTENCES = (
    "The municipality publishes its draft budget before the council debates it.",
    "Citizens can read every decision of the council on the municipal website.",
    "The mayor answers questions from residents at a public hearing each quarter.",
    "Public procurement follows rules that every bidder can read in advance.",
    "Councillors declare their interests before a vote that concerns them.",
    "The local community office explains how a complaint is handled and by when.",
    "Young people are asked for their views before the youth strategy is adopted.",
    "The audit report is published together with the municipality's response.",
)
PARAGRAPHS = 10
SENTENCES_PER_PARAGRAPH = 40


def paragraphs() -> list[str]:
    """The body's paragraphs as rich-text HTML (`<p>...</p>`), the same on every call."""
    return [
        "<p>"
        + " ".join(SENTENCES[(p + s) % len(SENTENCES)] for s in range(SENTENCES_PER_PARAGRAPH))
        + "</p>"
        for p in range(PARAGRAPHS)
    ]
