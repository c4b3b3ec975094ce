-- Who signs an edition's certificates, printed under the signature line: a name and a position
-- ("Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"); empty until the organiser
-- says, so no certificate shows a name the sources do not give.
ALTER TABLE competition_editions ADD COLUMN certificate_signatory TEXT NOT NULL DEFAULT '';
ALTER TABLE competition_editions ADD COLUMN certificate_signatory_title TEXT NOT NULL DEFAULT '';
