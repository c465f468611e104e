package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/**
 * JDK exceptions whose message is no sentence ("Input length = 1", a bare path) still become one line that says what
 * failed, with the status of README's table; wrapped ones are judged by their cause.
 */
class ExitCodesTest {
  @Test
  void malformedOrUnmappableInput_usageErrorNotTheByteCount() {
    assertThat(ExitCodes.of(new MalformedInputException(1))).isEqualTo(ExitCodes.USAGE);
    assertThat(ExitCodes.message(new MalformedInputException(1))).isEqualTo("the input is not text in UTF-8");
    assertThat(ExitCodes.of(new UnmappableCharacterException(2))).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void uncheckedIo_judgedByItsCause() {
    UncheckedIOException bare = new UncheckedIOException(new MalformedInputException(1));
    assertThat(ExitCodes.of(bare)).isEqualTo(ExitCodes.USAGE);
    assertThat(ExitCodes.message(bare)).isEqualTo("the input is not text in UTF-8");
    UncheckedIOException worded = new UncheckedIOException("cannot read standard input: gone", new IOException("gone"));
    assertThat(ExitCodes.of(worded)).isEqualTo(ExitCodes.IO);
    assertThat(ExitCodes.message(worded)).isEqualTo("cannot read standard input: gone");
  }

  @Test
  void fileSystemExceptions_sayWhatIsWrongWithWhichPath() {
    assertThat(ExitCodes.message(new NoSuchFileException("/x/y"))).isEqualTo("no such file or directory: /x/y");
    assertThat(ExitCodes.message(new AccessDeniedException("/x/y"))).isEqualTo("permission denied: /x/y");
    assertThat(ExitCodes.message(new NotDirectoryException("/x"))).isEqualTo("not a directory: /x");
    assertThat(ExitCodes.of(new NoSuchFileException("/x/y"))).isEqualTo(ExitCodes.USAGE);
    assertThat(ExitCodes.of(new IOException("disk full"))).isEqualTo(ExitCodes.IO);
  }

  @Test
  void outOfMemory_status5WithAWayOut() {
    OutOfMemoryError error = new OutOfMemoryError("Java heap space");
    assertThat(ExitCodes.of(error)).isEqualTo(ExitCodes.IO);
    assertThat(ExitCodes.message(error)).contains("not enough memory").contains("-Xmx");
  }
}
