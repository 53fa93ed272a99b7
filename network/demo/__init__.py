"""The demo network that `manage.py loaddemo` loads: an alumni network with blogs and comments."""
