"""Urdu date formats (Django ships none for ur, and would fall back to English's "N j, Y"):
day before month, as Urdu writes dates. Used through FORMAT_MODULE_PATH."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، g:i A"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d/m/Y"
FIRST_DAY_OF_WEEK = 1
