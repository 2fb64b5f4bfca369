"""On PostgreSQL, refuse UPDATE and DELETE on the access log below the ORM (PRIVACY.md: append-only).

The retention job, the only legitimate remover, sets ``swv.bewaartermijn = 'aan'`` for its transaction.
"""

from django.db import migrations

from swv.db import alleen_postgresql

FUNCTIE = """
CREATE OR REPLACE FUNCTION swv_toegangslog_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('swv.bewaartermijn', true) = 'aan' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'Het toegangslog is alleen-toevoegen: ' || TG_OP;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS swv_toegangslog_alleen_toevoegen ON swv_toegangslog;
CREATE TRIGGER swv_toegangslog_alleen_toevoegen BEFORE UPDATE OR DELETE ON swv_toegangslog
    FOR EACH ROW EXECUTE FUNCTION swv_toegangslog_alleen_toevoegen();
"""
TERUG = """
DROP TRIGGER IF EXISTS swv_toegangslog_alleen_toevoegen ON swv_toegangslog;
DROP FUNCTION IF EXISTS swv_toegangslog_alleen_toevoegen();
"""



class Migration(migrations.Migration):
    dependencies = [("swv", "0001_initial")]
    operations = [alleen_postgresql(FUNCTIE, TERUG)]
