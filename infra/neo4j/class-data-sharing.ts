/**
 * Class-data sharing (AppCDS) for the JVMs this project starts, the server
 * and the bulk importer: the JVM maps the classes it parsed and verified at
 * an earlier run from an archive instead of loading them from the jars again,
 * the larger part of a start-up spent before any database opens (a bulk build
 * restarts the server, so it pays this too). The first run records the
 * classes it used into a scratch file, written as the JVM exits; only a run
 * that ended well makes it the archive (a killed JVM may leave half a file,
 * a failed import loaded fewer classes). An archive of other jars or another
 * JVM is refused by the JVM, which then starts as without one.
 */
import fs from 'node:fs';

/**
 * The JVM options of the next run: map the archive when there is one, else
 * record one (dropping a scratch file a crashed recording left behind).
 */
export function classArchiveOptions(archive: string): string[] {
  if (fs.existsSync(archive)) return [`-XX:SharedArchiveFile=${archive}`];
  fs.rmSync(recordingOf(archive), { force: true });
  // Recording warns of every class it cannot archive (hundreds of lines of the JVM's output).
  return [`-XX:ArchiveClassesAtExit=${recordingOf(archive)}`, '-Xlog:cds=off'];
}

/**
 * After the JVM ended (it may have been started by another process, as the
 * server is): what it recorded becomes the archive when it ended well, else
 * it is dropped. Nothing to do when it mapped an archive.
 */
export function settleClassArchive(archive: string, endedWell: boolean): void {
  const recording = recordingOf(archive);
  if (!fs.existsSync(recording)) return;
  if (endedWell) fs.renameSync(recording, archive);
  else fs.rmSync(recording, { force: true });
}

const recordingOf = (archive: string): string => `${archive}.recording`;
