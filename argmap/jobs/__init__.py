"""Jobs that write files through a front end: the build, a new map's skeleton, the preview's state."""
