"""MED: media rules (gallery, scene visuals, main video, image and video files, description HTML)."""
