"""MED007 video-limits — a video is longer, smaller or of another shape than the configured limits.

What it checks: from the MP4/MOV boxes (no decoding): duration against ``max-video-seconds``
(60), a fragmented file's (phones recording to a stream, ffmpeg's ``frag_keyframe``) summed
from its fragments, and said to be unknown when they are more than the probe reads; the short
side against ``min-video-px`` (720, i.e. 720p) and the displayed aspect ratio (the track's
rotation matrix applied: a phone's portrait video is stored landscape) against the
marketplace's list (1:1, 3:4, 16:9, 9:16), within 1 %.
AliExpress publishes none of these: they are configured defaults, so this rule only warns.
Why: a main video that is cropped, letter-boxed or cut off by the player shows the product badly.
Fails:
    media/main.mp4: video 640x360 75s
Passes:
    media/main.mp4: video 1280x720 30s
"""

from listing_lint.api import Severity
from listing_lint.media import VideoProbe, probe
from listing_lint.rules.media._shared import files, limit, market

CODE, NAME, SEVERITY = "MED007", "video-limits", Severity.WARNING
READS_MEDIA = True  # decodes files: the language server runs it on save, not per keystroke
ASPECT_TOLERANCE = 0.01  # 854x480 is "16:9"


def check(bundle, ctx):
    ratios = [r for r in (_ratio(x) for x in market(ctx).get("video_aspect_ratios") or []) if r]
    for at, file in files(ctx, bundle):
        info = probe(ctx, file)
        if not isinstance(info, VideoProbe) or info.problem:
            continue
        problems = []
        longest, severity = limit(ctx, "max-video-seconds")
        if info.duration is not None and info.duration > longest:
            problems.append(f"it runs {_seconds(info.duration, longest)} s (limit {longest:g} s)")
        elif info.duration is None and info.why_no_duration:
            problems.append(f"its running time cannot be told ({info.why_no_duration}), so it may run over {longest:g} s")
        if info.width and info.height:
            short, _ = limit(ctx, "min-video-px")
            if min(info.width, info.height) < short:
                problems.append(f"it is {info.width}x{info.height}, under {short:g}p")
            shape = info.width / info.height
            if ratios and not any(abs(shape - r) / r <= ASPECT_TOLERANCE for r in ratios):
                allowed = ", ".join(market(ctx).get("video_aspect_ratios"))
                problems.append(f"its shape {info.width}x{info.height} is none of {allowed}")
        if problems:
            yield ctx.finding(at, f"video {bundle.get(at)}: " + "; ".join(problems) + ": export it again", severity=severity)


def _seconds(duration: float, limit: float) -> str:
    """A duration over ``limit`` in whole seconds, or with as many decimals as it takes to read as more
    than the limit: a 60.4 s video "runs 60 s (limit 60 s)" said nothing was wrong."""
    for places in range(4):
        text = f"{duration:.{places}f}"
        if float(text) > limit:
            return text
    return f"{duration:.3f}"


def _ratio(text) -> float | None:
    try:
        w, h = str(text).split(":")
        return float(w) / float(h)
    except (ValueError, ZeroDivisionError):
        return None
