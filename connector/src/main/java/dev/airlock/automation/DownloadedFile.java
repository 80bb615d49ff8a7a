package dev.airlock.automation;

/**
 * A file the browser downloaded, stored in the bundle.
 *
 * @param output name of the download step's output
 * @param fileName file name the site suggested
 * @param bundlePath path inside the bundle, for example {@code downloads/invoicePdf-INV-1.pdf}
 * @param sha256 SHA-256 of the content as lowercase hex
 * @param size size in bytes
 */
public record DownloadedFile(String output, String fileName, String bundlePath, String sha256, long size) {
}
