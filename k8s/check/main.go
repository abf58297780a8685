// Command k8s-check renders kustomize overlays in-process and checks every object they produce:
// strict decoding against the Kubernetes API types (an unknown or misspelt field, a wrong type or an
// unknown kind fails) and the platform's policies (policy.go). It needs no cluster.
//
//	k8s-check <overlay dir>...
//
// It prints one line per overlay and one line per problem, and exits 1 when there is any problem.
package main

import (
	"fmt"
	"os"
	"sort"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apimachinery/pkg/runtime"
	serjson "k8s.io/apimachinery/pkg/runtime/serializer/json"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

// The API groups the manifests may use. A kind outside them (a CRD) fails: an operator's resources
// cannot be checked offline, so the engines are StatefulSets and Deployments.
func newScheme() *runtime.Scheme {
	scheme := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, policyv1.AddToScheme, autoscalingv2.AddToScheme,
		networkingv1.AddToScheme, rbacv1.AddToScheme, batchv1.AddToScheme,
	} {
		if err := add(scheme); err != nil {
			panic(err)
		}
	}
	return scheme
}

// render runs kustomize on one overlay and decodes each object strictly into its typed form.
func render(dir string, decoder runtime.Decoder) ([]runtime.Object, []string) {
	resources, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		return nil, []string{fmt.Sprintf("kustomize build: %v", err)}
	}
	var objects []runtime.Object
	var problems []string
	for _, resource := range resources.Resources() {
		yaml, err := resource.AsYAML()
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", resource.CurId(), err))
			continue
		}
		object, _, err := decoder.Decode(yaml, nil, nil)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s/%s: %v", resource.GetKind(), resource.GetName(), err))
			continue
		}
		objects = append(objects, object)
	}
	return objects, problems
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: k8s-check <overlay dir>...")
		os.Exit(2)
	}
	scheme := newScheme()
	decoder := serjson.NewSerializerWithOptions(serjson.DefaultMetaFactory, scheme, scheme,
		serjson.SerializerOptions{Yaml: true, Strict: true})
	failed := false
	for _, dir := range os.Args[1:] {
		objects, problems := render(dir, decoder)
		problems = append(problems, checkPolicies(objects)...)
		sort.Strings(problems)
		if len(problems) == 0 {
			fmt.Printf("ok   %s: %d objects\n", dir, len(objects))
			continue
		}
		failed = true
		fmt.Printf("FAIL %s: %d objects, %d problems\n", dir, len(objects), len(problems))
		for _, problem := range problems {
			fmt.Printf("  - %s\n", problem)
		}
	}
	if failed {
		os.Exit(1)
	}
}
