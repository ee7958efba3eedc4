"""CMP013 certificate-text — a certificate PDF does not mention what listing.json declares for it.

What it checks: when a certificate's ``file`` is a PDF with a text layer, its text (first
``cert-pdf-max-pages`` pages, files up to ``cert-pdf-max-bytes``) must mention each declared
standard (number, part, year or version, amendments; spacing, dashes and case do not matter),
each model and the FCC ID. A model counts as mentioned when the text names a family that starts
with it (``X1 Series``, ``X1*`` for ``X1-EU``), as CMP006 reads ``models``; a ``models`` entry
that is a family (``X1*``) needs only its prefix in the text; one that holds a list
(``X1-EU, X1-UK``) needs each of its models. Invisible characters of the text layer (a soft
hyphen at a line break, zero-width spaces) do not count, and an edition in a table column of
its own (``EN 62368-1`` then ``2014+A11:2017``) reads as the same reference. Scanned PDFs (no
text layer) and images are skipped silently; a PDF that cannot be parsed is reported once, as info.
Why: a listing that claims more than its certificate shows (a standard, a model, an FCC ID
copied from another product) is caught by marketplace review and by market surveillance; the
document, not the listing, is the evidence.
Fails:
    certs/ce.pdf: pdf "EU Declaration of Conformity", "ETSI EN 300 328 V2.2.2", "Model: D1-EU"
Passes:
    certs/ce.pdf: pdf "EU Declaration of Conformity", "EN 62368-1:2014+A11:2017", "ETSI EN 300 328 V2.2.2", "ETSI EN 301 489-17 V3.3.1", "EN 18031-1:2024", "EN IEC 63000:2018", "Model: D1-EU"
"""

from listing_lint.api import Severity
from listing_lint.rules.compliance._common import certificates, cited_standards, model_names
from listing_lint.rules.compliance.CMP007_fcc_id import normalise
from listing_lint.standards.pdftext import mentions, mentions_model, mentions_standard, pdf_text, reads_as_pdf

CODE, NAME, SEVERITY = "CMP013", "certificate-text", Severity.WARNING
READS_MEDIA = True  # decodes files: the language server runs it on save, not per keystroke


def _text(bundle, ctx, ref: str):
    """The PdfText of a certificate file, or None when there is nothing to judge."""
    memo = ctx.cache.setdefault("cmp.pdftext", {})  # per bundle; pdf_text keeps answers by content
    if ref in memo:
        return memo[ref]
    memo[ref] = None
    file = bundle.file(ref)
    max_bytes = min(int(ctx.threshold("cert-pdf-max-bytes")), int(ctx.config.get("max-media-bytes")))
    if (file is not None and file.is_regular and 0 < file.size <= max_bytes
            and reads_as_pdf(file.read_bytes(1024), file.rel)):
        seconds = float(ctx.threshold("max-decode-seconds"))
        memo[ref] = (file, pdf_text(file, max_bytes, int(ctx.threshold("cert-pdf-max-pages")), seconds))
    return memo[ref]


def check(bundle, ctx):
    cited = cited_standards(bundle, ctx)
    for cert in certificates(bundle):
        if cert.file is None:
            continue
        found = _text(bundle, ctx, cert.file)
        if found is None:
            continue
        file, pdf = found
        if pdf.error is not None:  # judging the pages read before the error could report what is on the rest
            yield ctx.finding(
                cert.ptr("file"),
                f"cannot read the text of {cert.file} ({pdf.error}); check its standards and models by hand",
                severity=Severity.INFO,
            )
            continue
        if pdf.scanned:
            continue
        text = pdf.compact
        where = f"{cert.file} ({pdf.pages} page{'s' if pdf.pages != 1 else ''} read)"
        for c in cited:
            if c.cert == cert and c.ref is not None and not mentions_standard(text, c.ref) and not (
                c.entry and mentions(text, c.entry)  # the document prints the line as listed: "EN 71-1/-2/-3"
            ):
                yield ctx.finding(c.at, f"{where} does not mention {c.ref.canonical}; {_todo()}")
        for k, model in enumerate(cert.models):
            if not mentions_model(text, model) and not all(mentions_model(text, name) for name in model_names(model)):
                yield ctx.finding(cert.ptr("models", k), f"{where} does not mention model {model}; {_todo()}")
        if cert.fcc_id and cert.scheme == "FCC" and not mentions(text, normalise(cert.fcc_id)):
            yield ctx.finding(cert.ptr("fcc_id"), f"{where} does not mention FCC ID {cert.fcc_id}; {_todo()}")


def _todo() -> str:
    return "correct listing.json, or attach the document that covers it"


def prepare(config):
    """Before worker processes fork: import pypdf (with its filters) and read the standards
    registry once, to share them (parallel.py)."""
    import pypdf  # noqa: F401
    import pypdf.filters  # noqa: F401

    from listing_lint.standards.registry import load_registry, overlay_path

    load_registry(overlay_path(config))
