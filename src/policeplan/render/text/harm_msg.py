"""The text view of a harm measure across the Most Similar Group (`policeplan msg
all-crime-harm-score`)."""

from __future__ import annotations

from policeplan.indicators.harm_msg import HarmMsgComparison
from policeplan.render.text._common import guide_lines, label_lines, wrapped
from policeplan.render.wording import PER_1000, rank_phrase

__all__ = ["harm_msg_text"]


def harm_msg_text(result: HarmMsgComparison) -> str:
    """Members ranked on harm per 1,000 people, each with its 95% interval and weights mix."""
    better = "lower" if result.direction == "down" else "higher"
    group_rate = result.group_rate
    lines = [
        *label_lines(result.data_label),
        f"{result.title}: {result.force.short_name} and its Most Similar Group",
        f"{result.window.label()} (police.uk street records); {better} is better",
        "",
        f"{'Rank':>4}  {'Force':<20} {'Harm score':>12} {'Per 1,000':>10}  {'95% interval':<22}"
        "vs group",
    ]
    for m in result.members:
        data = m.to_dict(group_rate)
        differs = "differs" if data["differs_from_group"] else "within"
        interval = f"{data['rate_low']:,.1f} to {data['rate_high']:,.1f}"
        lines.append(
            f"{m.rank:>4}  {m.force.short_name:<20} {m.score.total or 0:>12,.0f} "
            f"{m.rate:>10,.1f}  {interval:<22}{differs}"
        )
    member = result.force_member
    lines += [
        "",
        f"{result.force.short_name}: {rank_phrase(member.rank, len(result.members))}; group rate "
        f"(total harm / total population) {group_rate:,.1f} {PER_1000}; MSG average "
        f"{result.msg_average:,.1f}",
    ]
    for force, reason in result.excluded:
        lines += wrapped(f"Excluded: {force.short_name}: {reason}")
    for m in result.members:
        lines += wrapped(f"Weights for {m.force.short_name}: {m.score.table} ({m.score.vintage}), "
                         f"{m.score.mix}")  # fmt: skip
    return "\n".join(lines + guide_lines(result.to_dict()["note"]))
