package io.totpkit.guard.testing;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a module's public API names, for the ModuleTests that keep third-party and internal types out of it: the
 * public types of a compiled package, and every type their public and protected signatures mention.
 */
public final class PublicApi {
  private PublicApi() {}

  /** The public top-level and nested types compiled into {@code packageName} under {@code classes}. */
  public static List<Class<?>> types(Path classes, String packageName) throws IOException, ClassNotFoundException {
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes.resolve(packageName.replace('.', '/')))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.equals("package-info.class")) {
          Class<?> type = Class.forName(packageName + "." + name.substring(0, name.length() - 6));
          if (Modifier.isPublic(type.getModifiers())) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }

  /** The types {@code type}'s supertypes and public or protected members mention (generic, as declared). */
  public static List<Type> mentionedBy(Class<?> type) {
    List<Type> mentioned = new ArrayList<>();
    mentioned.add(type.getGenericSuperclass());
    mentioned.addAll(List.of(type.getGenericInterfaces()));
    for (Method method : type.getDeclaredMethods()) {
      if (isApi(method.getModifiers())) {
        mentioned.add(method.getGenericReturnType());
        addSignature(method, mentioned);
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (isApi(constructor.getModifiers())) {
        addSignature(constructor, mentioned);
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (isApi(field.getModifiers())) {
        mentioned.add(field.getGenericType());
      }
    }
    mentioned.removeIf(Objects::isNull);
    return mentioned;
  }

  private static void addSignature(Executable executable, List<Type> mentioned) {
    mentioned.addAll(List.of(executable.getGenericParameterTypes()));
    mentioned.addAll(List.of(executable.getGenericExceptionTypes()));
  }

  private static boolean isApi(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
