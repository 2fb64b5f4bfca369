"""On PostgreSQL, refuse TRUNCATE of the access log too (issue 13): the row triggers of 0002 stop
UPDATE and DELETE, but TRUNCATE fires no row triggers and emptied the log in one statement.

A statement trigger ``BEFORE TRUNCATE`` raises, also when the log is emptied through ``TRUNCATE ...
CASCADE`` of a table it refers to. Only a session that sets ``swv.toegangslog_legen = 'aan'`` may
empty it: the test database sets it (Django's test flush uses TRUNCATE); production never does.
The owner of the table could still drop the trigger: in production the portal therefore runs as a
role that is neither the owner nor a superuser (README, "Database roles").
"""

from django.db import migrations

from swv.db import alleen_postgresql

FUNCTIE = """
CREATE OR REPLACE FUNCTION swv_toegangslog_niet_legen() RETURNS trigger AS $$
BEGIN
    IF current_setting('swv.toegangslog_legen', true) = 'aan' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'Het toegangslog is alleen-toevoegen: ' || TG_OP;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS swv_toegangslog_niet_legen ON swv_toegangslog;
CREATE TRIGGER swv_toegangslog_niet_legen BEFORE TRUNCATE ON swv_toegangslog
    FOR EACH STATEMENT EXECUTE FUNCTION swv_toegangslog_niet_legen();
"""
TERUG = """
DROP TRIGGER IF EXISTS swv_toegangslog_niet_legen ON swv_toegangslog;
DROP FUNCTION IF EXISTS swv_toegangslog_niet_legen();
"""


class Migration(migrations.Migration):
    dependencies = [("swv", "0004_melding")]
    operations = [alleen_postgresql(FUNCTIE, TERUG)]
