-- No job takes a lease: each claims its own rows (a notification's mail claim, an attempt's
-- conditional submit) or relies on a unique key (reminders, certificates), so job_lease was never used.
DROP TABLE job_lease;
