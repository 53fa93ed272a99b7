"""The demo network's text for this app (see content.py); its demodata.py loads it."""
