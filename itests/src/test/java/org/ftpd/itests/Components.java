package org.ftpd.itests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * What Declarative Services says about our bundles' components. Kept out of the test class: the SCR API exists
 * in the container only once the feature has installed SCR, so only code that runs after that may load it.
 */
final class Components {

    private final BundleContext context;
    private final List<String> bundleNames;

    Components(BundleContext context, List<String> bundleNames) {
        this.context = context;
        this.bundleNames = bundleNames;
    }

    /** Components that failed to activate or miss a mandatory service, with the reason SCR gives. */
    List<String> broken() {
        List<String> broken = new ArrayList<>();
        ServiceComponentRuntime scr = runtime();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundles())) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                        || configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    broken.add(description.name + " (state " + configuration.state + ", "
                            + Arrays.toString(configuration.unsatisfiedReferences.length == 0 ? new Object[0]
                                    : Arrays.stream(configuration.unsatisfiedReferences).map(r -> r.name).toArray())
                            + ") " + Objects.toString(configuration.failure, ""));
                }
            }
        }
        return broken;
    }

    /** Whether the component called {@code name} has an active configuration. */
    boolean isActive(String name) {
        ServiceComponentRuntime scr = runtime();
        return scr.getComponentDescriptionDTOs(bundles()).stream()
                .filter(d -> d.name.equals(name))
                .flatMap(d -> scr.getComponentConfigurationDTOs(d).stream())
                .anyMatch(c -> c.state == ComponentConfigurationDTO.ACTIVE);
    }

    private Bundle[] bundles() {
        return Arrays.stream(context.getBundles())
                .filter(b -> bundleNames.contains(b.getSymbolicName()))
                .toArray(Bundle[]::new);
    }

    private ServiceComponentRuntime runtime() {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            throw new AssertionError("no ServiceComponentRuntime: is SCR installed?");
        }
        return context.getService(reference);
    }
}
