// Demo data for an empty database: the facts of the AWS Neuron operator's certification backlog
// (keys, titles, statuses, sources, files, effort, images, phases), described in our own words.
// It is shaped as the importer reads the customer's document, so importing the real document over
// the demo matches every item by key instead of duplicating it.
import { parseEffort } from "@/lib/backlog/effort";
import { derivedFields } from "@/lib/backlog/finish-items";
import { linkDocument } from "@/lib/backlog/link-components";
import type { ParsedBacklog, ParsedItem, ParsedPhase } from "@/lib/backlog/schema";

export const DEMO_PRODUCT = {
  slug: "neuron-operator",
  name: "AWS Neuron Operator for OpenShift",
  description:
    "Demo product: the AWS Neuron operator (Inferentia/Trainium on OpenShift) on its way to Red Hat certification. " +
    "The operator image, its bundle and every container the bundle deploys must be certified before the operator can be listed.",
} as const;

const OPERATOR_IMAGE = "public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.3";
const EKS_SCHEDULER = "public.ecr.aws/eks-distro/kubernetes/kube-scheduler:*";
const EXTERNAL_IMAGES = [
  "ghcr.io/awslabs/kmod-with-kmm-for-ai-chips-on-aws/neuron-driver:*",
  "public.ecr.aws/neuron/neuron-device-plugin:*",
  EKS_SCHEDULER,
  "public.ecr.aws/neuron/neuron-scheduler:*",
  "Node metrics image (TBD)",
];

type ItemInput = Pick<ParsedItem, "key" | "title" | "category" | "status" | "description"> & Partial<Omit<ParsedItem, "checkNames" | "componentHints" | "impliedRefs">>;

/** An item as the importer reads one: effort hours, the checks it names or states, the components its heading names. */
function item(input: ItemInput): ParsedItem {
  const effortText = input.effortText ?? null;
  // Hours are read the way the importer reads effort text ("2-3 weeks" is 80-120 h).
  const hours = parseEffort(effortText);
  const full = {
    priority: null,
    statusNote: null,
    latestResult: null,
    source: null,
    fileRefs: [],
    actions: [],
    imageRefs: [],
    ...input,
    effortText,
    effortMinHours: hours?.min ?? null,
    effortMaxHours: hours?.max ?? null,
  };
  return { ...full, ...derivedFields(full) };
}

const todo = (...texts: string[]) => texts.map((text) => ({ text, done: false }));

const NOT_REQUIRED_NOTE = "No explicit SecurityContext requirement in official Red Hat certification docs";

const ITEMS: ParsedItem[] = [
  item({
    key: "P0-1",
    title: "Container Certification Prerequisites",
    category: "critical_blocker",
    priority: "P0",
    status: "not_started",
    source: "Official Red Hat Documentation p.72",
    effortText: "2-3 weeks",
    description:
      "Red Hat only starts certifying an operator bundle once every container image the bundle references is already " +
      "certified and published in the Red Hat Ecosystem Catalog.\n\n" +
      "Five external images stand between us and the operator certification: the Neuron kernel driver, the device " +
      "plugin, the EKS kube-scheduler (unless we replace it), the Neuron scheduler extension and the node metrics image, " +
      "which is still to be decided.",
    actions: todo(
      "Set up Red Hat Partner Connect Portal",
      // The importer keeps an action's nested list as markdown; the same text here avoids a spurious change.
      "Certify each external container image:\n\n" +
        "- `ghcr.io/awslabs/kmod-with-kmm-for-ai-chips-on-aws/neuron-driver:*`\n" +
        "- `public.ecr.aws/neuron/neuron-device-plugin:*`\n" +
        "- `public.ecr.aws/eks-distro/kubernetes/kube-scheduler:*` (or replace)\n" +
        "- `public.ecr.aws/neuron/neuron-scheduler:*`\n" +
        "- Node metrics image (TBD)",
    ),
    imageRefs: EXTERNAL_IMAGES,
  }),
  item({
    key: "P0-2",
    title: "Prohibited Labels",
    category: "critical_blocker",
    priority: "P0",
    status: "not_started",
    statusNote: "Published image has Red Hat trademark violations in labels",
    latestResult: "failed",
    source: "Red Hat Preflight Tests - HasNoProhibitedLabels check FAILED",
    fileRefs: ["Dockerfile"],
    description:
      "The published operator image still carries the labels inherited from its UBI base: " +
      '`name="ubi9-minimal"`, `vendor="Red Hat, Inc."` and `maintainer="Red Hat, Inc."`. ' +
      "Preflight rejects Red Hat marks in a partner image's labels.\n\n" +
      'The Dockerfile (lines 20-26) already sets our own: name "AWS Neuron Operator", vendor "Amazon Web Services", ' +
      "the GitHub issues page as maintainer, version 0.1.2, release 1, a summary and a description. " +
      "The published image was therefore built before those labels existed, or something overrode them.",
    actions: todo("Rebuild and republish image with current Dockerfile"),
  }),
  item({
    key: "P0-3",
    title: "Missing /licenses Directory",
    category: "critical_blocker",
    priority: "P0",
    status: "not_started",
    statusNote: `/licenses directory in Dockerfile but NOT in published image \`${OPERATOR_IMAGE}\``,
    latestResult: "failed",
    source: "Red Hat Preflight Tests - HasLicense check FAILED",
    fileRefs: ["Dockerfile"],
    description:
      "Preflight's HasLicense check looks for license texts under `/licenses`. The Dockerfile creates that directory " +
      "and copies `LICENSE` and `NOTICE` into it (lines 33-35), but the published image has neither: it was built " +
      "from an older Dockerfile.",
    actions: todo("Rebuild and republish image with current Dockerfile"),
    imageRefs: [OPERATOR_IMAGE],
  }),
  item({
    key: "P0-4",
    title: "Rebuild Published Image",
    category: "critical_blocker",
    priority: "P0",
    status: "not_started",
    statusNote: "Published image missing labels and /licenses",
    latestResult: "failed",
    source: "Red Hat Preflight Tests - 2 checks FAILED",
    fileRefs: [`Published image ${OPERATOR_IMAGE}`],
    effortText: "30 minutes",
    description:
      "Two preflight checks fail on the published operator image:\n\n" +
      "1. HasLicense: there is no `/licenses` directory.\n" +
      "2. HasNoProhibitedLabels: the labels name Red Hat.\n\n" +
      "Both are already fixed in the current Dockerfile; the image in the registry simply predates the fix, " +
      "or the build did not pick up the changes.",
    actions: todo("Rebuild and republish image using current Dockerfile (which has correct labels and /licenses)"),
    imageRefs: [OPERATOR_IMAGE],
  }),
  item({
    key: "P0-5",
    title: "Security Vulnerabilities",
    category: "critical_blocker",
    priority: "P0",
    status: "done",
    statusNote: "Using UBI9 minimal:9.7 (pinned version) in Dockerfile:18",
    source: "Red Hat Preflight Tests",
    fileRefs: ["Dockerfile"],
    description:
      "The final stage now starts `FROM registry.access.redhat.com/ubi9/ubi-minimal:9.7`, a pinned UBI release. " +
      "Red Hat scans the image for vulnerabilities during certification; pinning the base keeps that scan reproducible.",
  }),
  item({
    key: "P0-6",
    title: "Node Metrics Privileged Container",
    category: "critical_blocker",
    priority: "P0",
    status: "needs_justification",
    source: 'Official Red Hat Documentation p.45 - "Privileged containers might create a security risk"',
    fileRefs: ["internal/nodemetrics/nodemetrics.go:91-93"],
    effortText: "1-2 hours",
    description:
      "The node metrics container is created with `Privileged: true` and `RunAsUser: 0`, so it runs privileged and as root.\n\n" +
      "Red Hat accepts privileged containers, but the component must be declared as needing privileged host access " +
      "before preflight runs, and Red Hat reviews the justification during certification.",
    actions: todo(
      "Document why privileged access is needed (likely for neuron-monitor to access hardware)",
      "Be prepared to justify during Red Hat review",
      "Alternative: Test if specific capabilities can replace privileged mode",
    ),
  }),
  item({
    key: "P1-3",
    title: "EKS Scheduler Image (Non-UBI)",
    category: "needs_verification",
    priority: "P1",
    status: "in_review",
    fileRefs: ["Default configuration"],
    effortText: "30 minutes",
    description:
      "By default the custom scheduler runs `public.ecr.aws/eks-distro/kubernetes/kube-scheduler:*`, which is not built on UBI. " +
      "OpenShift ships its own scheduler image, `registry.redhat.io/openshift4/ose-kube-scheduler:v4.14`.\n\n" +
      "The image is configurable through the DeviceConfig, so this does not block certification, " +
      "but the OpenShift image would integrate better with the platform.",
    imageRefs: [EKS_SCHEDULER, "registry.redhat.io/openshift4/ose-kube-scheduler:v4.14"],
  }),
  item({
    key: "P2-1",
    title: "Scheduler Extension Missing SecurityContext",
    category: "not_required",
    priority: "P2",
    status: "wont_do",
    statusNote: NOT_REQUIRED_NOTE,
    source: "Code Analysis (NOT from official Red Hat requirements)",
    fileRefs: ["internal/customscheduler/customscheduler.go:147"],
    description:
      "The scheduler extension container sets no SecurityContext. Red Hat's certification documents do not require one: " +
      "OpenShift applies the `restricted` SCC by default, the container inherits the platform's policies, and the only " +
      "declaration Red Hat asks for is privileged mode when it is needed.\n\n" +
      "Setting it would be good practice, not a certification blocker.",
  }),
  item({
    key: "P2-2",
    title: "Incomplete Custom Scheduler SecurityContext",
    category: "not_required",
    priority: "P2",
    status: "wont_do",
    statusNote: NOT_REQUIRED_NOTE,
    fileRefs: ["internal/customscheduler/customscheduler.go:118"],
    description:
      "The custom scheduler sets only `Privileged: false` in its SecurityContext. That is enough for certification; " +
      "the other fields are hardening best practice.",
  }),
  item({
    key: "P2-3",
    title: "Missing Security Hardening",
    category: "not_required",
    priority: "P2",
    status: "wont_do",
    statusNote: "Not mentioned in official Red Hat certification requirements",
    fileRefs: ["All SecurityContext blocks"],
    description:
      "Further Kubernetes hardening is good practice, but Red Hat certification " +
      "does not ask for it: OpenShift's SCCs enforce security at the platform level.",
  }),
  item({
    key: "C-1",
    title: "Non-Root User Implementation",
    category: "compliant",
    status: "done",
    fileRefs: ["Dockerfile:37-40"],
    description: "The image creates the `aws-neuron` system group and user (uid and gid 201) and switches to `USER 201:201`.",
  }),
  item({
    key: "C-2",
    title: "UBI Base Image Usage",
    category: "compliant",
    status: "done",
    fileRefs: ["Dockerfile:18"],
    description:
      "The final stage is based on `registry.access.redhat.com/ubi9/ubi-minimal`. " +
      "This check was recorded against tag 9.4; P0-5 records the pin to 9.7.",
  }),
  item({
    key: "C-3",
    title: "No Modified Red Hat Files",
    category: "compliant",
    status: "done",
    statusNote: "Only user/group creation (allowed)",
    description: "The build changes no files that come from Red Hat packages; adding a user and a group is allowed.",
  }),
  item({
    key: "C-4",
    title: "Unique Tag",
    category: "compliant",
    status: "done",
    statusNote: "Preflight HasUniqueTag check passed for `v0.1.3`",
    latestResult: "passed",
    fileRefs: ["Build process"],
    description: "The published tag identifies one build, so preflight accepts it as unique.",
  }),
  item({
    key: "C-5",
    title: "Layer Count",
    category: "compliant",
    status: "done",
    statusNote: "Preflight LayerCountAcceptable check passed",
    latestResult: "passed",
    description: "The image stays under the layer limit preflight enforces.",
  }),
  item({
    key: "C-6",
    title: "No Prohibited Packages",
    category: "compliant",
    status: "done",
    statusNote: "Preflight HasNoProhibitedPackages check passed",
    latestResult: "passed",
    description: "The image installs no packages Red Hat forbids partners to redistribute.",
  }),
  item({
    key: "C-7",
    title: "Run As Non-Root",
    category: "compliant",
    status: "done",
    statusNote: "Preflight RunAsNonRoot check passed",
    latestResult: "passed",
    description: "The operator container runs as a non-root user.",
  }),
  item({
    key: "C-8",
    title: "No Kernel Packages",
    category: "compliant",
    status: "done",
    statusNote: "Using ubi-minimal",
    description: "The ubi-minimal base brings no kernel packages.",
  }),
  item({
    key: "C-9",
    title: "Image Naming",
    category: "compliant",
    status: "done",
    statusNote: "No Red Hat marks in name",
    description: "The image name does not use Red Hat trademarks.",
  }),
];

const PHASES: ParsedPhase[] = [
  {
    key: "phase-1",
    order: 1,
    name: "Operator Image Fixes",
    estimateText: "30 minutes",
    deliverable: "Operator image passing all preflight checks",
    itemKeys: ["P0-2", "P0-3", "P0-4", "P0-6"],
    tasks: [
      {
        title: "Rebuild Published Image",
        estimateText: "15 minutes",
        details: [
          "Current Dockerfile already has correct labels (lines 20-26)",
          "Current Dockerfile already has /licenses directory (lines 33-35)",
          "Rebuild: `make docker-build IMG=public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.4`",
          "Push: `make docker-push IMG=public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.4`",
          "Run preflight to verify",
        ],
        done: false,
      },
      {
        title: "Document Privileged Container",
        estimateText: "15 minutes",
        details: [
          "Document why node-metrics needs privileged access (hardware access)",
          "Prepare justification for Red Hat review",
        ],
        done: false,
      },
    ],
  },
  {
    key: "phase-2",
    order: 2,
    name: "Container Prerequisites",
    estimateText: "2-3 weeks",
    deliverable: "All containers certified and published",
    itemKeys: ["P0-1"],
    tasks: [
      {
        title: "Set Up Red Hat Partner Connect Portal",
        estimateText: "1-2 days",
        details: ["Create account and product listing", "Set up certification pipeline"],
        done: false,
      },
      {
        title: "Certify External Container Images",
        estimateText: "2-3 weeks",
        details: [
          "Verify UBI compliance of external images",
          "Rebuild non-compliant images on UBI base",
          "Submit each image for certification",
          "Wait for Red Hat approval",
        ],
        done: false,
      },
      {
        title: "Address Node Metrics Privileged Container",
        estimateText: "included in Phase 1",
        details: ["Already documented in Phase 1", "Will be reviewed by Red Hat during certification"],
        done: false,
      },
    ],
  },
  {
    key: "phase-3",
    order: 3,
    name: "Operator Certification",
    estimateText: "1 week",
    deliverable: "Certified operator available in OperatorHub",
    itemKeys: [],
    tasks: [
      { title: "Submit Operator Bundle for certification", estimateText: null, details: [], done: false },
      { title: "Address any Red Hat feedback", estimateText: null, details: [], done: false },
      { title: "Publish to Red Hat Ecosystem Catalog", estimateText: null, details: [], done: false },
    ],
  },
];

export const DEMO_BACKLOG: ParsedBacklog = {
  title: "Red Hat Certification Backlog - CONSOLIDATED",
  // Linked the way the importer links the customer's document: plan steps and the Dockerfile's image.
  items: linkDocument(ITEMS, PHASES),
  phases: PHASES,
  summary: [],
  warnings: [],
};
