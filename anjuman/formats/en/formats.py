"""English dates written out as the bylines write them ("December 2, 2026", not "Dec. 2,
2026"); everything else is Django's own English."""

DATE_FORMAT = "F j, Y"
