"""Where an indicator stands at a date: latest value against baseline and target (indikatorer).

An indicator (effektmått) is judged on the straight line from its baseline to
its target; see the explanation page *How progress is computed*.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medborgarlofte._compute.results import IndicatorProgress
from medborgarlofte._compute.status import EPS, Status, StatusReason, StatusRule
from medborgarlofte._model.indicators import Direction

if TYPE_CHECKING:
    import datetime as dt

    from medborgarlofte._model.indicators import Indicator
    from medborgarlofte._model.period import Period

__all__ = ["indicator_progress"]


def indicator_progress(
    indicator: Indicator, *, as_of: dt.date, period: Period | None
) -> IndicatorProgress:
    latest = None
    for measurement in indicator.measurements:
        if measurement.date <= as_of and (latest is None or measurement.date >= latest.date):
            latest = measurement
    baseline, target = indicator.baseline, indicator.target
    unit = indicator.unit
    empty: dict[str, Any] = {
        "change": None,
        "improvement": None,
        "share_of_way": None,
        "trajectory": None,
        "on_trajectory": None,
        "target_reached": None,
    }
    if latest is None:
        return IndicatorProgress(
            indicator=indicator,
            latest=None,
            status=Status.NOT_ASSESSABLE,
            reason=StatusReason(rule=StatusRule.NO_DATA),
            **empty,
        )
    if baseline is None or target is None:
        change = None if baseline is None else latest.value - baseline.value
        sign = 1 if indicator.direction is Direction.INCREASE else -1
        empty.update(change=change, improvement=None if change is None else sign * change)
        return IndicatorProgress(
            indicator=indicator,
            latest=latest,
            status=Status.NOT_ASSESSABLE,
            reason=StatusReason(
                rule=StatusRule.NO_BASELINE_OR_TARGET, value=latest.value, unit=unit
            ),
            **empty,
        )
    sign = 1 if indicator.direction is Direction.INCREASE else -1
    change = latest.value - baseline.value
    improvement = sign * change
    span = target.value - baseline.value
    share = change / span if span != 0 else None
    target_reached = sign * (latest.value - target.value) >= -EPS
    target_date = target.date or (period.end if period is not None else None)
    trajectory = None
    if target_date is not None and target_date > baseline.date:
        t = (latest.date - baseline.date).days / (target_date - baseline.date).days
        trajectory = baseline.value + span * min(max(t, 0.0), 1.0)
    on_trajectory = None if trajectory is None else sign * (latest.value - trajectory) >= -EPS
    figures: dict[str, Any] = {
        "value": latest.value,
        "baseline": baseline.value,
        "planned": target.value,
        "expected": trajectory,
        "unit": unit,
        "due": target_date,
    }
    status, rule = _indicator_status(
        target_reached=target_reached,
        target_passed=target_date is not None and as_of >= target_date,
        improvement=improvement,
        on_trajectory=on_trajectory,
    )
    return IndicatorProgress(
        indicator=indicator,
        latest=latest,
        change=change,
        improvement=improvement,
        share_of_way=share,
        trajectory=trajectory,
        on_trajectory=on_trajectory,
        target_reached=target_reached,
        status=status,
        reason=StatusReason(rule=rule, **figures),
    )


def _indicator_status(
    *, target_reached: bool, target_passed: bool, improvement: float, on_trajectory: bool | None
) -> tuple[Status, StatusRule]:
    if target_reached:
        return Status.ACHIEVED, StatusRule.INDICATOR_TARGET_REACHED
    if target_passed:
        return Status.MISSED, StatusRule.INDICATOR_TARGET_DATE_PASSED
    if improvement < 0:
        return Status.AT_RISK, StatusRule.WORSENED
    if on_trajectory is None:
        return Status.NOT_ASSESSABLE, StatusRule.NO_TARGET_DATE
    if on_trajectory:
        return Status.ON_TRACK, StatusRule.ON_TRAJECTORY
    return Status.BEHIND, StatusRule.OFF_TRAJECTORY
