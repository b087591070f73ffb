# Sourced by mvnw, .ci/run and ./clientele: makes sure JAVA_HOME points at a JDK 21 or newer.
# Keeps a JAVA_HOME that is already 21+; otherwise looks at `java` on the PATH, then at the
# JDKs installed under /usr/lib/jvm (newest first).
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
clientele_jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(java_major "$1/bin/java")" -ge 21 ] 2>/dev/null
}
if [ -z "${JAVA_HOME-}" ] || ! clientele_jdk_ok "$JAVA_HOME"; then
  found=""
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    clientele_jdk_ok "$candidate" && found=$candidate
  fi
  if [ -z "$found" ]; then
    for candidate in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort -rV); do
      candidate=${candidate%/}
      if clientele_jdk_ok "$candidate"; then found=$candidate; break; fi
    done
  fi
  if [ -z "$found" ]; then
    echo "Clientele needs a JDK 21 or newer: set JAVA_HOME to one." >&2
    exit 1
  fi
  export JAVA_HOME=$found
fi
