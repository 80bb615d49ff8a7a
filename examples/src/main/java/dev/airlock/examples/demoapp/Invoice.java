package dev.airlock.examples.demoapp;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** An invoice shown by the demo app. Amounts are in the invoice's currency, with two decimals. */
public record Invoice(String id, String vendor, String currency, BigDecimal total, LocalDate dueDate) {

    /** The fixed set of invoices every demo app instance starts with. */
    static final List<Invoice> SAMPLE = List.of(
            new Invoice("INV-1001", "Acme Office Supplies", "EUR", new BigDecimal("1250.00"), LocalDate.of(2026, 12, 31)),
            new Invoice("INV-1002", "Northwind Logistics", "EUR", new BigDecimal("310.40"), LocalDate.of(2027, 1, 15)),
            new Invoice("INV-1003", "Globex Consulting", "USD", new BigDecimal("4980.00"), LocalDate.of(2027, 1, 31)));

    /** Returns the total as shown on the pages and in the PDF, for example {@code EUR 1,250.00}. */
    public String formattedTotal() {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return currency + " " + format.format(total);
    }
}
