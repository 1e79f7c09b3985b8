"""tacitus: turn news reports into coded political event data."""
