package io.clientele.imports.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.imports.ImportServiceITSupport;
import io.clientele.imports.job.ImportProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class UploadIT extends ImportServiceITSupport {

    @Autowired
    private ImportProperties properties;

    @Test
    void theTemplateNamesEveryImportableColumnWithAnExampleRow() throws IOException {
        byte[] template = get("tmpl", "/imports/template.xlsx").expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            Row example = workbook.getSheetAt(0).getRow(1);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("salutation");
            assertThat(header.getLastCellNum()).isEqualTo((short) 26);
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("email");
            assertThat(header.getCell(22).getStringCellValue()).isEqualTo("externalId");
            assertThat(header.getCell(25).getStringCellValue()).isEqualTo("optIn");
            assertThat(example.getCell(5).getStringCellValue()).isEqualTo("jane.doe@example.com");
        }
        // The template as downloaded imports as it is.
        uploaded("tmpl", "template.xlsx", template, null);
    }

    @Test
    void headersAreCheckedBeforeAnyRowAndAnExplicitMappingReadsAnyFile() {
        byte[] foreign = sheet(List.of("E-Mail Adresse", "Vorname", "Kundennummer", "Notiz"),
                List.of("anna@example.test", "Anna", "K-1", "call back"));

        upload("hdr", "export.xlsx", foreign, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("invalid-header"))
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).containsExactly(
                        "header.E-Mail Adresse", "header.Vorname", "header.Kundennummer", "header.Notiz", "header"))
                .jsonPath("$.columns[5]").isEqualTo("email");
        upload("hdr", "export.xlsx", foreign, """
                {"mapping": {"E-Mail Adresse": "email", "Vorname": "first name", "Kundennummer": "lastname"}}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactly("header.Notiz"));
        upload("hdr", "export.xlsx", foreign, """
                {"mapping": {"E-Mail Adresse": "email", "Vorname": "firstName", "Kundennummer": "email", "Notiz": ""}}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("is email again"));

        uploaded("hdr", "export.xlsx", foreign, """
                {"mapping": {"E-Mail Adresse": "email", "Vorname": "firstName", "Kundennummer": "externalId", "Notiz": ""},
                 "externalIdSystem": "erp"}""");
        assertThat(get("hdr", "/imports").expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody())
                .hasSize(1);
    }

    @Test
    void aFileWithMoreRowsThanAllowedIsRefusedWhole() {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i < 51; i++) {
            csv.append("customer").append(i).append("@example.test\n");
        }
        upload("cap", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("more than 50 rows"));
        assertThat(get("cap", "/imports").expectBody(List.class).returnResult().getResponseBody()).isEmpty();
    }

    @Test
    void aFileLargerThanTheCapIsRefusedWith413() {
        byte[] large = ("email\n" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        upload("cap", "large.csv", large, null).expectStatus().isEqualTo(413);
    }

    @Test
    void zipBombsEntityTricksAndAbsurdCellsAreRefused() throws IOException {
        byte[] valid = sheet(List.of("email"), List.of("a@example.test"));

        byte[] bomb = replacingSheet(valid, sheet -> {
            byte[] filler = "<!---->".repeat(10_000_000).getBytes(StandardCharsets.US_ASCII);
            return concat(sheet, filler);
        });
        upload("unsafe", "bomb.xlsx", bomb, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("zip bomb"));

        byte[] entities = replacingSheet(valid, sheet -> new String(sheet, StandardCharsets.UTF_8)
                .replaceFirst("\\?>", "?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>")
                .replace("a@example.test", "&lol2;").getBytes(StandardCharsets.UTF_8));
        upload("unsafe", "entities.xlsx", entities, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("file-refused"));

        byte[] hugeCell = replacingSheet(valid, sheet -> new String(sheet, StandardCharsets.UTF_8)
                .replace("a@example.test", "a".repeat(300_000)).getBytes(StandardCharsets.UTF_8));
        upload("unsafe", "huge.xlsx", hugeCell, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("longer than 32767"));

        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        upload("unsafe", "old.xls", xls, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("XLS files"));
        assertThat(get("unsafe", "/imports").expectBody(List.class).returnResult().getResponseBody()).isEmpty();
    }

    @Test
    void aFileNameWithAControlCharacterIsRefusedAndNothingIsKept() throws IOException {
        long kept = uploadsOnDisk();
        // Written by hand: an HTTP client's multipart encoder would not send the NUL as it is.
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cus\u0000tomers.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nemail\na@example.test\n\r\n--b0undary--\r\n";
        http.post().uri("/api/v1/sites/names/imports").headers(headers -> headers.setBearerAuth(tokenFor("names")))
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        assertThat(uploadsOnDisk()).isEqualTo(kept);
    }

    @Test
    void aBrokenMultipartBodyIsA400() {
        http.post().uri("/api/v1/sites/broken/imports").headers(headers -> headers.setBearerAuth(tokenFor("broken")))
                .header("Content-Type", "multipart/form-data; boundary=never-sent")
                .bodyValue("this is not a multipart body".getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private long uploadsOnDisk() throws IOException {
        Path directory = properties.directory();
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (var files = Files.list(directory)) {
            return files.count();
        }
    }

    /** The XLSX file with its first sheet's XML changed; POI wrote the rest. */
    private static byte[] replacingSheet(byte[] xlsx, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/sharedStrings.xml") || entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    content = change.apply(content);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
