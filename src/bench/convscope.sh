# Sourced by compare.sh and compare_models.sh: how to run ConvScope's command line, and how to
# keep the JSON object a command prints. Needs $root (the checkout), $tmp (a scratch folder),
# $python and a log function; builds nothing (run mvn package or compile first).

# find_convscope FORCE_CLASSES: sets convscope_base, the command before ConvScope's arguments,
# and convscope_how. The jpackage launcher target/convscope/bin/convscope unless FORCE_CLASSES
# is 1 or it is missing; otherwise java -cp target/classes:<Maven dependency classpath> with
# the launcher's JVM options and the JDK 25 of $JAVA_HOME or /usr/lib/jvm/temurin-25-jdk-amd64.
# Exits 2 when there is neither.
find_convscope() {
    local force_classes=$1 launcher="$root/target/convscope/bin/convscope" java="" jar cp j
    if [ "$force_classes" = 0 ] && [ -x "$launcher" ]; then
        convscope_base=("$launcher")
        jar=$(ls "$root"/target/convscope/lib/app/convscope-*.jar 2>/dev/null | head -1 || true)
        if [ -n "$jar" ] && [ -n "$(find "$root/target/classes" -name '*.class' -newer "$jar" -print -quit 2>/dev/null)" ]; then
            log "warning: target/classes is newer than the launcher's jar; --classes runs the newer classes"
        fi
        convscope_how="jpackage launcher $launcher"
        return
    fi
    if [ ! -d "$root/target/classes/org/convscope" ]; then
        log "no ConvScope build: neither $launcher nor target/classes (run mvn package)"; exit 2
    fi
    for j in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
        if [ -x "$j" ] && "$j" -version 2>&1 | grep -q 'version "25'; then java=$j; break; fi
    done
    [ -n "$java" ] || { log "no JDK 25 (set JAVA_HOME or install temurin-25-jdk)"; exit 2; }
    log "resolving ConvScope's dependency classpath with Maven"
    (cd "$root" && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$tmp/cp.txt" >&2)
    cp="$root/target/classes:$(cat "$tmp/cp.txt")"
    local jvm_opts=(--add-modules jdk.incubator.vector -Xmx2g -Xms1g -XX:+UseParallelGC)   # as the launcher's .cfg
    if [ -f "$root/target/classes/org/convscope/Main.class" ]; then
        convscope_base=("$java" "${jvm_opts[@]}" -cp "$cp" org.convscope.Main)
    else   # Main not wired yet: call Cli.run directly through a single-file program
        cat > "$tmp/CliLaunch.java" <<'EOF'
public class CliLaunch {
    public static void main(String[] args) { System.exit(org.convscope.cli.Cli.run(args)); }
}
EOF
        convscope_base=("$java" "${jvm_opts[@]}" -cp "$cp" "$tmp/CliLaunch.java")
    fi
    convscope_how="java -cp target/classes ($java)"
}

# run_json OUT COMMAND...: runs COMMAND in $root with its output in OUT.raw and OUT.err, and
# keeps in OUT the last JSON object it printed (the whole output if that is one object).
# Returns COMMAND's exit code, or 3 if it exited 0 without printing a JSON object.
run_json() {
    local out=$1 rc=0
    shift
    (cd "$root" && "$@") > "$out.raw" 2> "$out.err" || rc=$?
    if ! "$python" - "$out.raw" "$out" <<'EOF'
import json, sys
text = open(sys.argv[1]).read()
try:
    obj = json.loads(text)
except ValueError:
    obj = None
    for line in reversed(text.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                obj = json.loads(line); break
            except ValueError:
                pass
if not isinstance(obj, dict):
    sys.exit(1)
json.dump(obj, open(sys.argv[2], "w"))
EOF
    then
        [ "$rc" != 0 ] || rc=3
        rm -f "$out"
    fi
    return "$rc"
}
