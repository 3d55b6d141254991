#!/usr/bin/env node
// Makes app/favicon.ico and app/apple-icon.png from app/icon.svg (the committed source of the mark).
// Run after changing the svg: `node scripts/make-icons.mjs`. sharp comes with Next (its image optimizer).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const app = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "app");
const svg = await readFile(path.join(app, "icon.svg"), "utf8");
const png = (source, size) => sharp(Buffer.from(source), { density: 72 * (size / 32) * 2 }).resize(size, size).png().toBuffer();

// An .ico holding PNG images (every current browser reads them): a 6-byte header, one
// 16-byte entry per image, then the images.
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

const sizes = [16, 32, 48];
const images = await Promise.all(sizes.map(async (size) => ({ size, data: await png(svg, size) })));
await writeFile(path.join(app, "favicon.ico"), ico(images));
// iOS rounds the corners itself and shows transparency as black: a full square.
await writeFile(path.join(app, "apple-icon.png"), await png(svg.replace(/rx="\d+"/, 'rx="0"'), 180));
console.log(`wrote app/favicon.ico (${sizes.join(", ")} px) and app/apple-icon.png (180 px)`);
