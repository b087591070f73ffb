package io.clientele.imports.file;

/**
 * What an XLSX file may unpack to before it is parsed.
 *
 * @param maxUnpackedBytes    all its parts together, unpacked
 * @param maxCompressionRatio unpacked to packed size of a part larger than a megabyte (zip bombs compress thousands
 *                            of times; a sheet, a few dozen)
 * @param maxParts            the number of parts in the zip
 */
public record XlsxLimits(long maxUnpackedBytes, int maxCompressionRatio, int maxParts) {
}
