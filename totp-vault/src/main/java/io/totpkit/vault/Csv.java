package io.totpkit.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A table in a CSV file, read strictly as <a href="https://www.rfc-editor.org/rfc/rfc4180">RFC 4180</a> writes it: a
 * header record, then records of fields separated by one delimiter, a field in double quotes when it holds the
 * delimiter, a quote or a line break, a quote inside it doubled. Lines end in CRLF or LF. The delimiter is what the
 * header line uses: a comma, a semicolon (what Excel writes where the comma is the decimal sign) or a tab; a header
 * with none of them is a single column, each line one field. A byte-order mark is already gone ({@link ImportInput}).
 *
 * <p>Records are numbered as a spreadsheet numbers its rows: the header is row 1. A quote that is never closed, a quote
 * inside an unquoted field or text after a closing quote fails the file with its line number; so do more than
 * {@link Imports#MAX_ITEMS} records, {@value #MAX_COLUMNS} columns or {@value #MAX_FIELD_LENGTH} characters in one
 * field. Messages give positions only, never a field's text: any field may hold a key.
 *
 * <p>Thread-safety: immutable once read.
 */
final class Csv {
  /** The most characters one field may have; an otpauth URI has at most 8192. */
  static final int MAX_FIELD_LENGTH = 65_536;
  /** The most fields one record may have. */
  static final int MAX_COLUMNS = 1_024;
  private static final int NO_DELIMITER = -1;

  /** One record after the header: its spreadsheet row number and its fields. */
  static final class Row {
    final int number;
    private final List<String> fields;

    private Row(int number, List<String> fields) {
      this.number = number;
      this.fields = fields;
    }

    /** The field in {@code column}, {@code ""} for a column the row does not reach or a column of -1. */
    String get(int column) {
      return column >= 0 && column < fields.size() ? fields.get(column) : "";
    }

    /** Whether every field is empty or white space: a blank line, or a row a spreadsheet left empty. */
    boolean isBlank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  private final List<String> header;
  private final List<Row> rows;

  private Csv(List<String> header, List<Row> rows) {
    this.header = header;
    this.rows = rows;
  }

  /**
   * Reads the whole table.
   *
   * @throws VaultImportException if the text is not strict CSV or exceeds a limit; the message gives the line
   */
  static Csv read(String text) {
    Parser parser = new Parser(text, delimiter(text));
    List<String> header = parser.record();
    List<Row> rows = new ArrayList<>();
    for (List<String> fields = header == null ? null : parser.record(); fields != null; fields = parser.record()) {
      if (rows.size() == Imports.MAX_ITEMS) {
        throw new VaultImportException("the table has more than " + Imports.MAX_ITEMS + " rows; at most "
            + Imports.MAX_ITEMS + " are read in one import");
      }
      rows.add(new Row(rows.size() + 2, Collections.unmodifiableList(fields)));
    }
    return new Csv(header == null ? List.of() : Collections.unmodifiableList(header),
        Collections.unmodifiableList(rows));
  }

  /**
   * The header and at most {@code limit} rows, for recognising a file by its first rows: {@code null} if they are not
   * strict CSV. Never throws.
   */
  static Csv head(String text, int limit) {
    if (text == null) {
      return null;
    }
    try {
      Parser parser = new Parser(text, delimiter(text));
      List<String> header = parser.record();
      List<Row> rows = new ArrayList<>();
      while (header != null && rows.size() < limit) {
        List<String> fields = parser.record();
        if (fields == null) {
          break;
        }
        rows.add(new Row(rows.size() + 2, Collections.unmodifiableList(fields)));
      }
      return new Csv(header == null ? List.of() : Collections.unmodifiableList(header),
          Collections.unmodifiableList(rows));
    } catch (VaultImportException e) {
      return null;
    }
  }

  /** The header's column names, normalised ({@link #normalise}); empty if {@code text} does not start as a table. */
  static List<String> header(String text) {
    Csv head = head(text, 0);
    List<String> names = new ArrayList<>();
    if (head != null) {
      head.header.forEach(name -> names.add(normalise(name)));
    }
    return names;
  }

  /** A column name as compared: lower case, without white space, underscores or hyphens ("Setup key": "setupkey"). */
  static String normalise(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isWhitespace(c) && c != '_' && c != '-') {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  List<Row> rows() {
    return rows;
  }

  /** The first column (from the left) whose normalised name is one of {@code names}, or -1. */
  int column(String... names) {
    for (int i = 0; i < header.size(); i++) {
      String name = normalise(header.get(i));
      for (String wanted : names) {
        if (name.equals(normalise(wanted))) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The delimiter the header line uses most, outside quotes: comma, then semicolon, then tab on a tie. */
  private static int delimiter(String text) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
      }
    }
    if (commas == 0 && semicolons == 0 && tabs == 0) {
      return NO_DELIMITER;
    }
    return commas >= semicolons && commas >= tabs ? ',' : semicolons >= tabs ? ';' : '\t';
  }

  /** Reads records one at a time, keeping the line number for messages. */
  private static final class Parser {
    private final String text;
    private final int delimiter;
    private int pos;
    private int line = 1;

    Parser(String text, int delimiter) {
      this.text = text;
      this.delimiter = delimiter;
    }

    /** The next record's fields, or {@code null} at the end of the text. */
    List<String> record() {
      if (pos >= text.length()) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      while (true) {
        if (fields.size() == MAX_COLUMNS) {
          throw new VaultImportException("the CSV file has more than " + MAX_COLUMNS + " fields in the record on line "
              + line);
        }
        fields.add(pos < text.length() && text.charAt(pos) == '"' ? quoted() : unquoted());
        if (pos >= text.length()) {
          return fields;
        }
        char c = text.charAt(pos++);
        if (c != delimiter) {
          // A line break: CRLF, LF, or a lone CR.
          if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
          }
          line++;
          return fields;
        }
      }
    }

    private String unquoted() {
      int start = pos;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == delimiter || c == '\n' || c == '\r') {
          break;
        }
        if (c == '"') {
          throw new VaultImportException("the CSV file has a quote inside a field that does not start with one, on "
              + "line " + line + " (a field holding a quote must be quoted, its quotes doubled)");
        }
        pos++;
      }
      checkLength(pos - start);
      return text.substring(start, pos);
    }

    private String quoted() {
      int startLine = line;
      StringBuilder field = new StringBuilder();
      pos++;
      while (true) {
        if (pos >= text.length()) {
          throw new VaultImportException("the CSV file has a quoted field that starts on line " + startLine
              + " and is never closed");
        }
        char c = text.charAt(pos++);
        if (c == '"') {
          if (pos < text.length() && text.charAt(pos) == '"') {
            field.append('"');
            pos++;
            continue;
          }
          if (pos < text.length() && text.charAt(pos) != delimiter && text.charAt(pos) != '\n'
              && text.charAt(pos) != '\r') {
            throw new VaultImportException("the CSV file has text after the closing quote of a field on line " + line);
          }
          return field.toString();
        }
        if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
          line++;
        }
        field.append(c);
        checkLength(field.length());
      }
    }

    private void checkLength(int length) {
      if (length > MAX_FIELD_LENGTH) {
        throw new VaultImportException("the CSV file has a field longer than " + MAX_FIELD_LENGTH
            + " characters on line " + line);
      }
    }
  }
}
