-- AlterTable
ALTER TABLE "Component" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
