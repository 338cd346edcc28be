"""The release's time: from ``SOURCE_DATE_EPOCH`` (reproducible builds), never from the clock.

Kept apart from :mod:`evkonyv.release.build` (which loads pandas and Arrow) so that the command line
checks the variable before any work, at no start-up cost.
"""

from __future__ import annotations

import datetime as dt
import os

from evkonyv.errors import EvkonyvError

# The last second a zip's date field can hold (2107-12-31 23:59:59 UTC); earlier than 1980 is written as 1980.
LATEST_EPOCH = 4354819199


def release_date() -> dt.datetime | None:
    """The release time from SOURCE_DATE_EPOCH (reproducible builds), if set: ASCII digits, at most
    :data:`LATEST_EPOCH`; anything else is one line naming the variable (never ignored)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or epoch == "":
        return None
    if not (epoch.isascii() and epoch.isdigit()) or int(epoch) > LATEST_EPOCH:
        raise EvkonyvError(
            f"SOURCE_DATE_EPOCH={epoch!r}: not a time the release can carry; give whole seconds since 1970 in ASCII digits, "
            f"at most {LATEST_EPOCH} (2107-12-31, the last date a zip holds), or unset it"
        )
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
