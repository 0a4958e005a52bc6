"""StreamField blocks shared by every content page.

One template per block, in templates/core/blocks/."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"), choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "core/blocks/heading.html"
        preview_value = {"text": "Why openness matters", "level": "h2"}
        description = _("A section heading, listed in the page's outline.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "core/blocks/paragraph.html"
        preview_value = "<p>Good governance starts with listening to citizens.</p>"
        description = _("Paragraphs with bold, italic, lists and links.")


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "core/blocks/figure.html"
        description = _(
            "An image with alternative text for screen readers and an optional caption."
        )


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("title"), max_length=200)
    transcript = blocks.RichTextBlock(
        label=_("transcript"),
        features=RICH_TEXT_FEATURES,
        help_text=_("The full text of the video, for people who cannot watch or hear it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "core/blocks/video.html"
        description = _("An embedded video with its transcript.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "core/blocks/document.html"
        description = _("A file learners can download, such as a worksheet.")


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("tone"),
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("title"), max_length=200)
    body = blocks.RichTextBlock(label=_("body"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "core/blocks/callout.html"
        preview_value = {
            "tone": "tip",
            "title": "In practice",
            "body": "<p>Publish the draft budget before the council debates it.</p>",
        }
        description = _("A highlighted box: a key fact, a tip or a warning.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "core/blocks/quote.html"
        preview_value = {"text": "Leadership is a practice, not a position.", "attribution": ""}
        description = _("A quotation with its source.")


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("prompt"))

    class Meta:
        icon = "comment"
        label = _("Reflection prompt")
        template = "core/blocks/reflection.html"
        preview_value = {
            "prompt": "Which decision in your municipality would citizens want to shape?"
        }
        description = _("A question that asks learners to relate the lesson to their own work.")


class ContentStreamBlock(blocks.StreamBlock):
    """The body of lessons and other content pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    reflection = ReflectionBlock()
