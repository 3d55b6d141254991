import { describe, expect, it } from "vitest";
import { componentForPhrase, guessRole, rolePhrasesIn } from "./roles";

const candidates = [
  { slug: "kube-scheduler", name: "EKS kube-scheduler", role: "scheduler", repository: "eks-distro/kubernetes/kube-scheduler", redHat: false },
  { slug: "ose-kube-scheduler", name: "OpenShift kube-scheduler", role: "scheduler", repository: "openshift4/ose-kube-scheduler", redHat: true },
  { slug: "neuron-scheduler", name: "Neuron scheduler extension", role: "scheduler_extension", repository: "neuron/neuron-scheduler", redHat: false },
  { slug: "node-metrics-image", name: "Node metrics", role: "node_metrics", repository: null, redHat: false },
];

describe("component roles in words", () => {
  it("reads the roles a backlog's headings name", () => {
    expect(rolePhrasesIn("Node Metrics Privileged Container")).toEqual(["Node Metrics"]);
    expect(rolePhrasesIn("EKS Scheduler Image (Non-UBI)")).toEqual(["EKS Scheduler"]);
    expect(rolePhrasesIn("Scheduler Extension Missing SecurityContext")).toEqual(["Scheduler Extension"]);
    expect(rolePhrasesIn("Prohibited Labels")).toEqual([]);
    expect(rolePhrasesIn("Container Certification Prerequisites")).toEqual([]);
  });

  it("finds the one component a phrase means, preferring the named one, then the vendor's own", () => {
    expect(componentForPhrase("Node Metrics", candidates)?.slug).toBe("node-metrics-image");
    expect(componentForPhrase("EKS Scheduler", candidates)?.slug).toBe("kube-scheduler");
    expect(componentForPhrase("Custom Scheduler", candidates)?.slug).toBe("kube-scheduler");
    expect(componentForPhrase("Scheduler Extension", candidates)?.slug).toBe("neuron-scheduler");
    expect(componentForPhrase("Device Plugin", candidates)).toBeNull();
    const twoOfOurs = [...candidates, { ...candidates[0]!, slug: "other-scheduler", name: "Other", repository: "x/kube-scheduler" }];
    expect(componentForPhrase("Custom Scheduler", twoOfOurs)).toBeNull();
  });

  it("guesses a role from a repository name", () => {
    expect(guessRole("os-partners/neuron-openshift/neuron-kernel-module")).toBe("kmod_driver");
    expect(guessRole("neuron/neuron-monitor")).toBe("node_metrics");
    expect(guessRole("os-partners/neuron-openshift/operator-bundle")).toBe("bundle");
  });
});
