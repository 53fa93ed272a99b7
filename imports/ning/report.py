"""What an import did, told once at its end: per kind, how many records were imported, how
many needed a repair, how many were skipped and why, and what was damaged."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class KindReport:
    imported: int = 0
    # Imported, with something fixed or left out on the way (a date missing, a photo
    # damaged, a text shortened…): what, how many times.
    repaired: Counter[str] = field(default_factory=Counter)
    # Not imported (or not again): why, how many times.
    skipped: Counter[str] = field(default_factory=Counter)


@dataclass
class Report:
    kinds: dict[str, KindReport] = field(default_factory=dict)
    # Per file: the structure repaired while reading ("missing comma": 3), and parts lost.
    files: dict[str, dict[str, int]] = field(default_factory=dict)
    damaged: list[str] = field(default_factory=list)
    dry_run: bool = False

    def kind(self, name: str) -> KindReport:
        if name not in self.kinds:
            self.kinds[name] = KindReport()
        return self.kinds[name]

    def imported(self, kind: str, n: int = 1) -> None:
        self.kind(kind).imported += n

    def repaired(self, kind: str, what: str) -> None:
        self.kind(kind).repaired[what] += 1

    def skipped(self, kind: str, why: str) -> None:
        self.kind(kind).skipped[why] += 1

    def lines(self) -> list[str]:
        """The report as text, one kind a line and its reasons below it."""
        out = ["Dry run: nothing was written." if self.dry_run else "Import finished."]
        for name, info in self.files.items():
            if info:
                fixes = ", ".join(f"{what} ×{n}" for what, n in sorted(info.items()))
                out.append(f"  file {name}: JSON repaired ({fixes})")
        for message in self.damaged:
            out.append(f"  damaged: {message}")
        for name, kind in self.kinds.items():
            out.append(
                f"{name}: {kind.imported} imported, {sum(kind.repaired.values())} repairs, "
                f"{sum(kind.skipped.values())} skipped"
            )
            for what, n in sorted(kind.repaired.items()):
                out.append(f"    repaired ×{n}: {what}")
            for why, n in sorted(kind.skipped.items()):
                out.append(f"    skipped ×{n}: {why}")
        return out
