"""Team goals that share no data: the team goal file and membership (goal_file), a member's
week measured against it (week), and the anonymous weekly summaries and their aggregation
(summary)."""
