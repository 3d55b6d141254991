import type { Picked, PickedFile, PickedFolder } from "@/lib/preflight/upload-plan";

// Reads a drop that may hold folders (File and Directory Entries API). The entries must be taken
// while the drop event runs, before the browser empties the DataTransfer, so that part is synchronous.

/** Walking stops here: someone dropped a home folder by mistake, not preflight artifacts. */
const MAX_FOLDER_ENTRIES = 2000;

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory;
const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;

async function readFolder(root: FileSystemDirectoryEntry): Promise<PickedFolder> {
  const files: PickedFile[] = [];
  let seen = 0;
  async function walk(directory: FileSystemDirectoryEntry): Promise<void> {
    const reader = directory.createReader();
    // readEntries answers in batches (100 in Chrome) until it returns an empty one.
    for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
      for (const entry of batch) {
        if (++seen > MAX_FOLDER_ENTRIES) throw new Error(`it holds more than ${MAX_FOLDER_ENTRIES} files and folders`);
        if (isDirectory(entry)) await walk(entry);
        else if (isFile(entry)) files.push({ file: await fileOf(entry), path: entry.fullPath.replace(/^\/+/, "") });
      }
    }
  }
  try {
    await walk(root);
    return { name: root.name, files };
  } catch (error) {
    const reason = error instanceof Error ? error.message : "the browser refused to read it";
    return { name: root.name, files: [], problem: `Could not read this folder: ${reason}.` };
  }
}

export function readDrop(data: DataTransfer): Promise<Picked> {
  const loose: File[] = [];
  const directories: FileSystemDirectoryEntry[] = [];
  const items = Array.from(data.items).filter((item) => item.kind === "file");
  if (items.length === 0 || typeof items[0]?.webkitGetAsEntry !== "function") {
    return Promise.resolve({ loose: Array.from(data.files), folders: [] });
  }
  for (const item of items) {
    const entry = item.webkitGetAsEntry();
    if (entry && isDirectory(entry)) {
      directories.push(entry);
    } else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  return Promise.all(directories.map(readFolder)).then((folders) => ({ loose, folders }));
}
