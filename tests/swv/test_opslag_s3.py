"""Scale-out storage (issue 18): with ``SWV_S3_BUCKET`` set, private files live in an S3-compatible
object store that every node reaches. Tested against a real S3 server that the test starts (moto's
server over HTTP on 127.0.0.1), never a mock of the client: an upload through the portal lands in the
bucket (encrypted, not on local disk) and is streamed back by the permission-checked view; a decision
letter rendered by a separate Celery worker process (another "node") is served by this one."""

from __future__ import annotations

import socket
import uuid
from datetime import timedelta

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from swv.models import Taak
from tests.conftest import wacht_op
from tests.leerlingen.factories_dossier import DossierFactory
from tests.tlv.conftest import wereld  # noqa: F401  (fixture)
from tests.tlv.factories import TLVFactory

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"


@pytest.fixture
def s3(monkeypatch, settings, tmp_path):
    """A real S3 server on a free port with an empty private bucket; this process and any worker
    started after it (the environment is inherited) use it as the private storage."""
    from moto.server import ThreadedMotoServer

    # moto keeps its state per process: a bucket of its own for every test.
    bucket = f"swv-prive-{uuid.uuid4().hex[:8]}"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=poort, verbose=False)
    server.start()
    omgeving = {
        "SWV_S3_BUCKET": bucket,
        "SWV_S3_ENDPOINT_URL": f"http://127.0.0.1:{poort}",
        "SWV_S3_ACCESS_KEY": "testsleutel",
        "SWV_S3_SECRET_KEY": "testgeheim",
        "SWV_S3_REGION": "eu-west-1",
        # Nothing may fall back to a local folder: point it where a write would be noticed.
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "mag-leeg-blijven"),
    }
    for sleutel, waarde in omgeving.items():
        monkeypatch.setenv(sleutel, waarde)
    client = boto3.client(
        "s3",
        endpoint_url=omgeving["SWV_S3_ENDPOINT_URL"],
        aws_access_key_id="testsleutel",
        aws_secret_access_key="testgeheim",
        region_name="eu-west-1",
    )
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    import environ

    from swv.storage import s3_opties

    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "swv.storage.PrivateS3Storage", "OPTIONS": s3_opties(environ.Env())},
    }
    client.bucket = bucket
    yield client
    server.stop()


def _sleutels(client) -> list[str]:
    return [o["Key"] for o in client.list_objects_v2(Bucket=client.bucket).get("Contents", [])]


@pytest.mark.django_db
def test_an_upload_goes_to_the_bucket_encrypted_and_comes_back_through_the_view(client, personas, s3, tmp_path):
    dossier = DossierFactory(school=personas.school_a, regievoerder=personas.alice)
    client.force_login(personas.alice)
    response = client.post(
        reverse("leerlingen:document_nieuw", args=[dossier.uuid]),
        {"titel": "Onderzoek", "soort": "onderzoek", "bestand": SimpleUploadedFile("Verslag Jansen.pdf", PDF)},
    )
    assert response.status_code == 302
    from leerlingen.models import Document

    document = Document.objects.get()
    sleutel = f"private/{document.bestand.name}"
    assert _sleutels(s3) == [sleutel] and "Jansen" not in sleutel
    assert s3.head_object(Bucket=s3.bucket, Key=sleutel)["ServerSideEncryption"] == "AES256"
    assert not (tmp_path / "mag-leeg-blijven").exists()
    with pytest.raises(ValueError, match="no public URL"):
        _ = document.bestand.url

    response = client.get(reverse("leerlingen:document_download", args=[document.uuid]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    client.force_login(personas.bob)  # another school: the bucket does not change who may read
    assert client.get(reverse("leerlingen:document_download", args=[document.uuid])).status_code == 404


@pytest.mark.worker
def test_a_letter_rendered_by_another_node_is_served_from_the_shared_bucket(client, wereld, s3, celery_worker):  # noqa: F811
    from tlv.services import beoordeling

    vandaag = timezone.localdate()
    tlv = TLVFactory(
        getoetst=True, so=True, leerling=wereld.daan, aanvragende_school=wereld.school_a, beoogde_school=wereld.so
    )
    tlv = beoordeling.tlv_afgeven(
        door=wereld.tim,
        tlv=tlv,
        ingangsdatum=vandaag,
        einddatum=vandaag + timedelta(days=700),
        categorie="midden",
        motivering="Beide deskundigen adviseren het SO.",
    )
    taak = wacht_op(lambda: Taak.objects.filter(pk=tlv.besluitbrief_id, status=Taak.Status.KLAAR).first(), seconden=60)
    assert f"private/{taak.bestand.name}" in _sleutels(s3)  # written by the worker process, into the bucket
    client.force_login(wereld.alice)
    response = client.get(reverse("tlv:besluitbrief", args=[tlv.uuid]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
