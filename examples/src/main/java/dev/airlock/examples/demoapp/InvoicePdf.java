package dev.airlock.examples.demoapp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes a small, valid one-page PDF for an invoice, with a correct cross-reference table. */
final class InvoicePdf {

    private InvoicePdf() {
    }

    static byte[] render(Invoice invoice) {
        String text = "BT /F1 18 Tf 72 760 Td (Invoice " + invoice.id() + ") Tj ET\n"
                + "BT /F1 12 Tf 72 730 Td (Vendor: " + pdfText(invoice.vendor()) + ") Tj ET\n"
                + "BT /F1 12 Tf 72 712 Td (Due: " + invoice.dueDate() + ") Tj ET\n"
                + "BT /F1 12 Tf 72 694 Td (Total: " + pdfText(invoice.formattedTotal()) + ") Tj ET\n";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.getBytes(StandardCharsets.US_ASCII).length + " >>\nstream\n" + text + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        return assemble(objects);
    }

    private static byte[] assemble(List<String> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xrefOffset = out.size();
        StringBuilder xref = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            xref.append(String.format("%010d 00000 n \n", offset));
        }
        write(out, xref.toString());
        write(out, "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xrefOffset + "\n%%EOF\n");
        return out.toByteArray();
    }

    /** Escapes the characters that end or break a PDF string literal. */
    private static String pdfText(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
