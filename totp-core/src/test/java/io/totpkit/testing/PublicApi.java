package io.totpkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a module offers its callers, read from its compiled classes (tests run on the class path): its descriptor,
 * and the types of its API package a caller can name. Every module's {@code ModuleTest} asks here.
 */
public final class PublicApi {
  private PublicApi() {}

  /** The directory (or jar) {@code anchor} was loaded from: the module's main classes. */
  public static Path classes(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The descriptor of the module named {@code name}, compiled beside {@code anchor}. */
  public static ModuleDescriptor descriptor(Class<?> anchor, String name) {
    return ModuleFinder.of(classes(anchor)).find(name).orElseThrow().descriptor();
  }

  /**
   * The types of {@code anchor}'s package that callers can name: public, and every enclosing class public too.
   *
   * @param anchor a type of the API package
   * @return those types, in no particular order
   */
  public static List<Class<?>> types(Class<?> anchor) {
    String pkg = anchor.getPackageName();
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes(anchor).resolve(pkg.replace('.', '/')))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.equals("package-info.class")) {
          Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - 6), false,
              anchor.getClassLoader());
          if (isVisible(type)) {
            found.add(type);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  /**
   * Where the API of {@code anchor}'s package names a type of one of {@code packages} — in what a type extends or
   * implements, a public or protected method's return, parameter and exception types, a constructor's, a field's —,
   * which would tie every caller to that library.
   *
   * @param anchor a type of the API package
   * @param packages package prefixes of the library that must stay inside the module ({@code "com.sun.jna"})
   * @return one line per place, empty when there is none
   */
  public static List<String> mentionsOf(Class<?> anchor, List<String> packages) {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : types(anchor)) {
      check(leaks, packages, type + " extends", type.getGenericSuperclass());
      check(leaks, packages, type + " implements", type.getGenericInterfaces());
      for (Method method : type.getDeclaredMethods()) {
        if (isApi(method.getModifiers())) {
          check(leaks, packages, method.toGenericString(), method.getGenericReturnType());
          check(leaks, packages, method.toGenericString(), method.getGenericParameterTypes());
          check(leaks, packages, method.toGenericString(), method.getGenericExceptionTypes());
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (isApi(constructor.getModifiers())) {
          check(leaks, packages, constructor.toGenericString(), constructor.getGenericParameterTypes());
          check(leaks, packages, constructor.toGenericString(), constructor.getGenericExceptionTypes());
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (isApi(field.getModifiers())) {
          check(leaks, packages, field.toGenericString(), field.getGenericType());
        }
      }
    }
    return leaks;
  }

  private static boolean isApi(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(List<String> leaks, List<String> packages, String where, Type... types) {
    for (Type type : types) {
      if (type != null && packages.stream().anyMatch(type.getTypeName()::contains)) {
        leaks.add(where);
      }
    }
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
