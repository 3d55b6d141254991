-- CreateEnum
CREATE TYPE "ExceptionKind" AS ENUM ('privileged', 'scratch');

-- CreateEnum
CREATE TYPE "ExceptionStatus" AS ENUM ('draft', 'requested', 'approved', 'denied');

-- AlterTable
ALTER TABLE "BacklogItem" ADD COLUMN     "requirementCodes" TEXT[];

-- AlterTable
ALTER TABLE "Phase" ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "completedBy" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "PhaseDependency" (
    "phaseId" UUID NOT NULL,
    "dependsOnId" UUID NOT NULL,

    CONSTRAINT "PhaseDependency_pkey" PRIMARY KEY ("phaseId","dependsOnId")
);

-- CreateTable
CREATE TABLE "PhaseComponentGate" (
    "phaseId" UUID NOT NULL,
    "componentId" UUID NOT NULL,

    CONSTRAINT "PhaseComponentGate_pkey" PRIMARY KEY ("phaseId","componentId")
);

-- CreateTable
CREATE TABLE "Requirement" (
    "code" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "verifiedBy" TEXT NOT NULL,
    "checkNames" TEXT[],
    "notApplicableUnder" TEXT[],
    "onlyWith" "ExceptionKind",
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Requirement_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ComponentException" (
    "id" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "kind" "ExceptionKind" NOT NULL,
    "status" "ExceptionStatus" NOT NULL DEFAULT 'draft',
    "justification" TEXT NOT NULL DEFAULT '',
    "caseRef" TEXT,
    "requestedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decidedBy" TEXT,
    "createdBy" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComponentException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PhaseDependency_dependsOnId_idx" ON "PhaseDependency"("dependsOnId");

-- CreateIndex
CREATE INDEX "PhaseComponentGate_componentId_idx" ON "PhaseComponentGate"("componentId");

-- CreateIndex
CREATE UNIQUE INDEX "Requirement_scope_position_key" ON "Requirement"("scope", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ComponentException_componentId_kind_key" ON "ComponentException"("componentId", "kind");

-- AddForeignKey
ALTER TABLE "PhaseDependency" ADD CONSTRAINT "PhaseDependency_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseDependency" ADD CONSTRAINT "PhaseDependency_dependsOnId_fkey" FOREIGN KEY ("dependsOnId") REFERENCES "Phase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseComponentGate" ADD CONSTRAINT "PhaseComponentGate_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseComponentGate" ADD CONSTRAINT "PhaseComponentGate_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComponentException" ADD CONSTRAINT "ComponentException_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;
