package main

import (
	"fmt"
	"slices"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
)

// workload is a pod template with what owns it.
type workload struct {
	kind, namespace, name string
	replicas              int32
	selector              *metav1.LabelSelector
	template              corev1.PodTemplateSpec
	long                  bool // a server (probes required), not a run-to-completion job
}

// index holds what references may point to, by namespace/name.
type index struct {
	namespaces              map[string]bool
	configMaps, secrets     map[string]bool
	claims                  map[string]*corev1.PersistentVolumeClaim
	serviceAccounts         map[string]bool
	services                map[string]*corev1.Service
	workloads               []workload
	pdbs                    []*policyv1.PodDisruptionBudget
	hpas                    []*autoscalingv2.HorizontalPodAutoscaler
	networkPolicies         []*networkingv1.NetworkPolicy
	statefulSetServiceNames map[string]string
}

func key(namespace, name string) string { return namespace + "/" + name }

func buildIndex(objects []runtime.Object) *index {
	ix := &index{
		namespaces: map[string]bool{}, configMaps: map[string]bool{}, secrets: map[string]bool{},
		serviceAccounts: map[string]bool{}, services: map[string]*corev1.Service{},
		statefulSetServiceNames: map[string]string{}, claims: map[string]*corev1.PersistentVolumeClaim{},
	}
	for _, object := range objects {
		switch o := object.(type) {
		case *corev1.Namespace:
			ix.namespaces[o.Name] = true
		case *corev1.ConfigMap:
			ix.configMaps[key(o.Namespace, o.Name)] = true
		case *corev1.Secret:
			ix.secrets[key(o.Namespace, o.Name)] = true
		case *corev1.PersistentVolumeClaim:
			ix.claims[key(o.Namespace, o.Name)] = o
		case *corev1.ServiceAccount:
			ix.serviceAccounts[key(o.Namespace, o.Name)] = true
		case *corev1.Service:
			ix.services[key(o.Namespace, o.Name)] = o
		case *appsv1.Deployment:
			ix.workloads = append(ix.workloads, workload{"Deployment", o.Namespace, o.Name, replicas(o.Spec.Replicas), o.Spec.Selector, o.Spec.Template, true})
		case *appsv1.StatefulSet:
			ix.workloads = append(ix.workloads, workload{"StatefulSet", o.Namespace, o.Name, replicas(o.Spec.Replicas), o.Spec.Selector, o.Spec.Template, true})
			ix.statefulSetServiceNames[key(o.Namespace, o.Name)] = o.Spec.ServiceName
		case *appsv1.DaemonSet:
			ix.workloads = append(ix.workloads, workload{"DaemonSet", o.Namespace, o.Name, 1, o.Spec.Selector, o.Spec.Template, true})
		case *batchv1.Job:
			ix.workloads = append(ix.workloads, workload{"Job", o.Namespace, o.Name, 1, o.Spec.Selector, o.Spec.Template, false})
		case *batchv1.CronJob:
			ix.workloads = append(ix.workloads, workload{"CronJob", o.Namespace, o.Name, 1, nil, o.Spec.JobTemplate.Spec.Template, false})
		case *policyv1.PodDisruptionBudget:
			ix.pdbs = append(ix.pdbs, o)
		case *autoscalingv2.HorizontalPodAutoscaler:
			ix.hpas = append(ix.hpas, o)
		case *networkingv1.NetworkPolicy:
			ix.networkPolicies = append(ix.networkPolicies, o)
		}
	}
	return ix
}

func replicas(r *int32) int32 {
	if r == nil {
		return 1
	}
	return *r
}

// checkPolicies returns one line per broken rule; the rules are in docs/operations.md.
func checkPolicies(objects []runtime.Object) []string {
	ix := buildIndex(objects)
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	for _, object := range objects {
		accessor, err := meta.Accessor(object)
		if err != nil {
			continue
		}
		kind := object.GetObjectKind().GroupVersionKind().Kind
		if _, isNamespace := object.(*corev1.Namespace); isNamespace {
			continue
		}
		if accessor.GetNamespace() == "" {
			add("%s/%s: has no namespace", kind, accessor.GetName())
		} else if !ix.namespaces[accessor.GetNamespace()] {
			add("%s/%s: namespace %q is not in the overlay", kind, accessor.GetName(), accessor.GetNamespace())
		}
	}

	for _, w := range ix.workloads {
		problems = append(problems, checkWorkload(ix, w)...)
	}
	problems = append(problems, checkServices(ix)...)
	problems = append(problems, checkAvailability(ix)...)
	problems = append(problems, checkNetworkPolicies(ix)...)
	return problems
}

func checkWorkload(ix *index, w workload) []string {
	var problems []string
	id := fmt.Sprintf("%s/%s", w.kind, w.name)
	add := func(format string, args ...any) { problems = append(problems, id+": "+fmt.Sprintf(format, args...)) }
	pod := w.template.Spec
	if w.selector != nil {
		selector, err := metav1.LabelSelectorAsSelector(w.selector)
		if err != nil || !selector.Matches(labels.Set(w.template.Labels)) {
			add("selector does not match the pod template's labels")
		}
	}
	if name, ok := ix.statefulSetServiceNames[key(w.namespace, w.name)]; ok {
		if service := ix.services[key(w.namespace, name)]; service == nil || service.Spec.ClusterIP != corev1.ClusterIPNone {
			add("serviceName %q is not a headless Service of the overlay", name)
		}
	}
	if pod.ServiceAccountName != "" && pod.ServiceAccountName != "default" && !ix.serviceAccounts[key(w.namespace, pod.ServiceAccountName)] {
		add("serviceAccountName %q is not in the overlay", pod.ServiceAccountName)
	}
	podNonRoot := pod.SecurityContext != nil && pod.SecurityContext.RunAsNonRoot != nil && *pod.SecurityContext.RunAsNonRoot
	if pod.SecurityContext != nil && pod.SecurityContext.RunAsUser != nil && *pod.SecurityContext.RunAsUser == 0 {
		add("pod runs as user 0")
	}
	for _, volume := range pod.Volumes {
		if volume.ConfigMap != nil && !optional(volume.ConfigMap.Optional) && !ix.configMaps[key(w.namespace, volume.ConfigMap.Name)] {
			add("volume %q: ConfigMap %q is not in the overlay", volume.Name, volume.ConfigMap.Name)
		}
		if volume.Secret != nil && !optional(volume.Secret.Optional) && !ix.secrets[key(w.namespace, volume.Secret.SecretName)] {
			add("volume %q: Secret %q is not in the overlay", volume.Name, volume.Secret.SecretName)
		}
		if volume.HostPath != nil {
			add("volume %q: hostPath is not allowed", volume.Name)
		}
		if ref := volume.PersistentVolumeClaim; ref != nil {
			claim := ix.claims[key(w.namespace, ref.ClaimName)]
			switch {
			case claim == nil:
				add("volume %q: PersistentVolumeClaim %q is not in the overlay", volume.Name, ref.ClaimName)
			case w.replicas > 1 && !slices.Contains(claim.Spec.AccessModes, corev1.ReadWriteMany):
				// Replicas on different nodes would each need the volume at once.
				add("volume %q: PersistentVolumeClaim %q is shared by %d replicas but is not ReadWriteMany", volume.Name, ref.ClaimName, w.replicas)
			}
		}
	}
	all := append(append([]corev1.Container{}, pod.InitContainers...), pod.Containers...)
	for i, c := range all {
		init := i < len(pod.InitContainers)
		cid := fmt.Sprintf("container %q", c.Name)
		if problem := imageProblem(c.Image); problem != "" {
			add("%s: image %q %s", cid, c.Image, problem)
		}
		if c.Resources.Requests.Cpu().IsZero() || c.Resources.Requests.Memory().IsZero() {
			add("%s: requests.cpu and requests.memory must be set", cid)
		}
		if c.Resources.Limits.Memory().IsZero() {
			add("%s: limits.memory must be set", cid)
		}
		sc := c.SecurityContext
		if sc == nil {
			add("%s: has no securityContext", cid)
		} else {
			nonRoot := podNonRoot || (sc.RunAsNonRoot != nil && *sc.RunAsNonRoot)
			if !nonRoot || (sc.RunAsUser != nil && *sc.RunAsUser == 0) {
				add("%s: must run as non-root (runAsNonRoot: true)", cid)
			}
			if sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
				add("%s: allowPrivilegeEscalation must be false", cid)
			}
			if sc.Privileged != nil && *sc.Privileged {
				add("%s: must not be privileged", cid)
			}
			if sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
				add("%s: readOnlyRootFilesystem must be true (write to volumes)", cid)
			}
			if sc.Capabilities == nil || !dropsAll(sc.Capabilities.Drop) {
				add("%s: capabilities must drop ALL", cid)
			}
		}
		if w.long && !init {
			if c.ReadinessProbe == nil || c.LivenessProbe == nil {
				add("%s: readinessProbe and livenessProbe must be set", cid)
			}
			for _, probe := range []*corev1.Probe{c.ReadinessProbe, c.LivenessProbe, c.StartupProbe} {
				if probe != nil && probe.HTTPGet != nil && probe.HTTPGet.Port.StrVal != "" && !hasPort(c, probe.HTTPGet.Port.StrVal) {
					add("%s: probe port %q is not a port of the container", cid, probe.HTTPGet.Port.StrVal)
				}
				if probe != nil && probe.TCPSocket != nil && probe.TCPSocket.Port.StrVal != "" && !hasPort(c, probe.TCPSocket.Port.StrVal) {
					add("%s: probe port %q is not a port of the container", cid, probe.TCPSocket.Port.StrVal)
				}
			}
		}
		for _, from := range c.EnvFrom {
			if from.ConfigMapRef != nil && !optional(from.ConfigMapRef.Optional) && !ix.configMaps[key(w.namespace, from.ConfigMapRef.Name)] {
				add("%s: envFrom ConfigMap %q is not in the overlay", cid, from.ConfigMapRef.Name)
			}
			if from.SecretRef != nil && !optional(from.SecretRef.Optional) && !ix.secrets[key(w.namespace, from.SecretRef.Name)] {
				add("%s: envFrom Secret %q is not in the overlay", cid, from.SecretRef.Name)
			}
		}
		for _, env := range c.Env {
			if env.ValueFrom == nil {
				continue
			}
			if ref := env.ValueFrom.SecretKeyRef; ref != nil && !optional(ref.Optional) && !ix.secrets[key(w.namespace, ref.Name)] {
				add("%s: env %s: Secret %q is not in the overlay", cid, env.Name, ref.Name)
			}
			if ref := env.ValueFrom.ConfigMapKeyRef; ref != nil && !optional(ref.Optional) && !ix.configMaps[key(w.namespace, ref.Name)] {
				add("%s: env %s: ConfigMap %q is not in the overlay", cid, env.Name, ref.Name)
			}
		}
	}
	return problems
}

func optional(b *bool) bool { return b != nil && *b }

func dropsAll(drop []corev1.Capability) bool {
	for _, c := range drop {
		if c == "ALL" {
			return true
		}
	}
	return false
}

func hasPort(c corev1.Container, name string) bool {
	for _, p := range c.Ports {
		if p.Name == name {
			return true
		}
	}
	return false
}

// imageProblem: an image must name a registry path and a fixed tag (or a digest), never `latest`.
func imageProblem(image string) string {
	if strings.Contains(image, "@sha256:") {
		return ""
	}
	slash := strings.LastIndex(image, "/")
	colon := strings.LastIndex(image, ":")
	if colon <= slash {
		return "has no tag"
	}
	if tag := image[colon+1:]; tag == "latest" || tag == "" {
		return "uses the tag latest"
	}
	if slash == -1 {
		return "must name its registry or organisation (library/… at least)"
	}
	return ""
}

// checkServices: every Service selects pods of the overlay, on ports those pods declare.
func checkServices(ix *index) []string {
	var problems []string
	for _, service := range ix.services {
		if len(service.Spec.Selector) == 0 {
			problems = append(problems, fmt.Sprintf("Service/%s: has no selector", service.Name))
			continue
		}
		// Labels a controller sets at run time (Patroni's role) are left out of the match.
		wanted := labels.Set{}
		runtimeLabels := strings.Split(service.Annotations["hotline/runtime-labels"], ",")
		for k, v := range service.Spec.Selector {
			if !slices.Contains(runtimeLabels, k) {
				wanted[k] = v
			}
		}
		selector := labels.SelectorFromSet(wanted)
		var pods []corev1.PodSpec
		for _, w := range ix.workloads {
			if w.namespace == service.Namespace && w.long && selector.Matches(labels.Set(w.template.Labels)) {
				pods = append(pods, w.template.Spec)
			}
		}
		if len(pods) == 0 {
			problems = append(problems, fmt.Sprintf("Service/%s: selects no workload of the overlay", service.Name))
			continue
		}
		for _, port := range service.Spec.Ports {
			if name := port.TargetPort.StrVal; name != "" {
				found := false
				for _, pod := range pods {
					for _, c := range pod.Containers {
						found = found || hasPort(c, name)
					}
				}
				if !found {
					problems = append(problems, fmt.Sprintf("Service/%s: targetPort %q is no port of the pods it selects", service.Name, name))
				}
			}
		}
	}
	return problems
}

// checkAvailability: a workload of several replicas has a PodDisruptionBudget; PDBs and HPAs point at
// workloads that exist, and an HPA's bounds make sense.
func checkAvailability(ix *index) []string {
	var problems []string
	covered := map[string]bool{}
	for _, pdb := range ix.pdbs {
		selector, err := metav1.LabelSelectorAsSelector(pdb.Spec.Selector)
		matched := false
		for _, w := range ix.workloads {
			if err == nil && w.namespace == pdb.Namespace && w.long && selector.Matches(labels.Set(w.template.Labels)) {
				covered[key(w.namespace, w.name)] = true
				matched = true
			}
		}
		if !matched {
			problems = append(problems, fmt.Sprintf("PodDisruptionBudget/%s: selects no workload", pdb.Name))
		}
	}
	for _, w := range ix.workloads {
		if (w.kind == "Deployment" || w.kind == "StatefulSet") && w.replicas > 1 && !covered[key(w.namespace, w.name)] {
			problems = append(problems, fmt.Sprintf("%s/%s: %d replicas and no PodDisruptionBudget", w.kind, w.name, w.replicas))
		}
	}
	for _, hpa := range ix.hpas {
		target := hpa.Spec.ScaleTargetRef
		found := false
		for _, w := range ix.workloads {
			found = found || (w.kind == target.Kind && w.name == target.Name && w.namespace == hpa.Namespace)
		}
		if !found {
			problems = append(problems, fmt.Sprintf("HorizontalPodAutoscaler/%s: target %s/%s is not in the overlay", hpa.Name, target.Kind, target.Name))
		}
		if hpa.Spec.MinReplicas == nil || *hpa.Spec.MinReplicas < 2 || *hpa.Spec.MinReplicas > hpa.Spec.MaxReplicas {
			problems = append(problems, fmt.Sprintf("HorizontalPodAutoscaler/%s: needs 2 <= minReplicas <= maxReplicas", hpa.Name))
		}
		if len(hpa.Spec.Metrics) == 0 {
			problems = append(problems, fmt.Sprintf("HorizontalPodAutoscaler/%s: has no metrics", hpa.Name))
		}
	}
	return problems
}

// checkNetworkPolicies: every namespace with workloads denies ingress by default (a policy selecting
// every pod with no ingress rule), so each allowed path is written down.
func checkNetworkPolicies(ix *index) []string {
	denied := map[string]bool{}
	for _, np := range ix.networkPolicies {
		if len(np.Spec.PodSelector.MatchLabels) == 0 && len(np.Spec.PodSelector.MatchExpressions) == 0 && len(np.Spec.Ingress) == 0 {
			for _, t := range np.Spec.PolicyTypes {
				if t == networkingv1.PolicyTypeIngress {
					denied[np.Namespace] = true
				}
			}
		}
	}
	var problems []string
	seen := map[string]bool{}
	for _, w := range ix.workloads {
		if !denied[w.namespace] && !seen[w.namespace] {
			seen[w.namespace] = true
			problems = append(problems, fmt.Sprintf("Namespace/%s: has workloads and no default-deny ingress NetworkPolicy", w.namespace))
		}
	}
	return problems
}
